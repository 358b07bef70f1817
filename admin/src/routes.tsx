import { Result, Spin } from 'antd'
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react'
import { Navigate, type RouteObject, useNavigate, useParams } from 'react-router'
import { App } from './app.tsx'
import { type ConsoleState, useConsole } from './console-context.ts'
import { useI18n } from './i18n.tsx'
import { SiteConsole } from './pages/site-console.tsx'
import { articlePath, sectionPath } from './screen-paths.ts'
import type { Site } from './types.ts'

/** A screen's module, loaded when its URL is first opened (the sign-in page stays small). */
function screen<Props>(load: () => Promise<Record<string, ComponentType<Props>>>, name: string) {
  return lazy(() => load().then((module) => ({ default: module[name] as ComponentType<Props> })))
}

const Administration = screen(() => import('./pages/administration.tsx'), 'Administration')
const ArticleEditorRoute = screen(() => import('./pages/article-routes.tsx'), 'ArticleEditorRoute')
const ArticleListRoute = screen(() => import('./pages/article-routes.tsx'), 'ArticleListRoute')
const Consultations = screen(() => import('./pages/consultations.tsx'), 'Consultations')
const Dashboard = screen(() => import('./pages/dashboard.tsx'), 'Dashboard')
const Inbox = screen(() => import('./pages/inbox.tsx'), 'Inbox')
const InspectionReport = screen(
  () => import('./inspection/inspection-report-route.tsx'),
  'InspectionReportRoute',
)
const InteractionSettings = screen(() => import('./pages/interaction-settings.tsx'), 'InteractionSettings')
const Publishing = screen(() => import('./pages/publishing.tsx'), 'Publishing')
const SiteImport = screen(() => import('./pages/site-import.tsx'), 'SiteImport')
const Templates = screen(() => import('./pages/templates.tsx'), 'Templates')
// Charts are heavy: the statistics screen and ECharts load when it is first opened.
const StatisticsScreen = lazy(() => import('./statistics/statistics-screen.tsx'))
const SubmissionsSection = lazy(() => import('./submissions/submissions-section.tsx'))

type OfSite = ConsoleState & { readonly site: Site }

/** A screen of the site in the URL, remade when the site changes. */
function SiteScreen({ render }: { render(console: OfSite): ReactNode }) {
  const console = useConsole()
  if (!console.site) return null
  return (
    <Suspense key={console.site.id} fallback={<Spin />}>
      {render(console as OfSite)}
    </Suspense>
  )
}

function AdministrationRoute() {
  const { session, sites } = useConsole()
  const { tab } = useParams()
  const navigate = useNavigate()
  return (
    <Suspense fallback={<Spin />}>
      <Administration
        session={session}
        sites={sites}
        tab={tab}
        onTab={(next: string) => navigate(`/administration/${next}`)}
      />
    </Suspense>
  )
}

function DashboardRoute({ site, session }: OfSite) {
  const navigate = useNavigate()
  return (
    <Dashboard
      site={site}
      session={session}
      // The editor's Back returns here (article-routes.tsx reads `from`).
      onOpenArticle={(id: number) =>
        navigate(articlePath(site.id, id), { state: { from: sectionPath('dashboard', site.id) } })
      }
      onOpenInspection={() => navigate(sectionPath('inspection', site.id))}
    />
  )
}

function NotFound() {
  const { t } = useI18n()
  return <Result status="404" title={t('pageNotFound')} />
}

/**
 * Every admin URL (under /admin/) and its screen. A new screen is one line among the site's
 * children (`{ path: 'x', element: <SiteScreen render={(c) => <X site={c.site} />} /> }`).
 */
export const ROUTES: RouteObject[] = [
  {
    path: '/',
    element: <App />,
    children: [
      {
        element: <SiteConsole />,
        children: [
          // The console sends / on to the user's first screen once the sites are known.
          { index: true, element: null },
          { path: 'administration/:tab?', element: <AdministrationRoute /> },
          {
            path: 'sites/:siteId',
            children: [
              { index: true, element: <Navigate to="articles" replace /> },
              { path: 'articles', element: <SiteScreen render={() => <ArticleListRoute />} /> },
              { path: 'articles/:articleId', element: <SiteScreen render={() => <ArticleEditorRoute />} /> },
              { path: 'dashboard', element: <SiteScreen render={DashboardRoute} /> },
              {
                path: 'inspection',
                element: <SiteScreen render={(c) => <InspectionReport site={c.site} />} />,
              },
              { path: 'inbox', element: <SiteScreen render={(c) => <Inbox site={c.site} />} /> },
              {
                path: 'consultations',
                element: <SiteScreen render={(c) => <Consultations site={c.site} />} />,
              },
              {
                path: 'interaction-settings',
                element: <SiteScreen render={(c) => <InteractionSettings site={c.site} />} />,
              },
              {
                path: 'publishing',
                element: <SiteScreen render={(c) => <Publishing site={c.site} session={c.session} />} />,
              },
              {
                path: 'templates',
                element: <SiteScreen render={(c) => <Templates site={c.site} session={c.session} />} />,
              },
              { path: 'import', element: <SiteScreen render={(c) => <SiteImport site={c.site} />} /> },
              {
                path: 'submissions',
                element: (
                  <SiteScreen
                    render={(c) => (
                      <SubmissionsSection
                        site={c.site}
                        managesSite={c.site.allowedActions.includes('manageColumns')}
                      />
                    )}
                  />
                ),
              },
              {
                path: 'statistics',
                element: <SiteScreen render={(c) => <StatisticsScreen site={c.site} />} />,
              },
            ],
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]
