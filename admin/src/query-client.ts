import { QueryClient } from '@tanstack/react-query'
import { api } from './api.ts'

/**
 * The admin's cache of API answers. A screen shows what it read last at once and asks again on
 * every visit (staleTime 0), so Back never shows a stale list for long; a refusal is shown at
 * once instead of after three retries.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: false,
      refetchOnWindowFocus: false,
      // A query key is the API path and its query parameters, so no screen writes its own
      // fetch, and invalidating a path (['/api/articles']) reaches every list of it.
      queryFn: ({ queryKey: [path, parameters] }) => {
        const query = parameters ? `?${new URLSearchParams(parameters as Record<string, string>)}` : ''
        return api('GET', `${String(path)}${query}`)
      },
    },
  },
})
