// The little of autocannon's API the benches use (it ships no types, and @types/autocannon is
// not installed).
declare module 'autocannon' {
  interface Options {
    url: string
    connections?: number
    duration?: number
    timeout?: number
    headers?: Record<string, string>
  }
  interface Histogram {
    p50: number
    p99: number
    max: number
    average: number
  }
  interface Result {
    latency: Histogram
    requests: Histogram
    errors: number
    timeouts: number
    non2xx: number
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
