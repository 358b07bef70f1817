import { useNavigate } from 'react-router'
import { articlePath, sectionPath } from '../screen-paths.ts'
import { PlainButtons } from '../sections/plain-buttons.tsx'
import type { Site } from '../types.ts'
import { InspectionReportScreen } from './inspection-report-screen.tsx'

/** `/sites/:siteId/inspection`: the report the dashboard's inspection card leads to. */
export function InspectionReportRoute({ site }: { site: Site }) {
  const navigate = useNavigate()
  return (
    <PlainButtons>
      <InspectionReportScreen
        site={site}
        onBack={() => navigate(sectionPath('dashboard', site.id))}
        onOpenArticle={(id) =>
          navigate(articlePath(site.id, id), { state: { from: sectionPath('inspection', site.id) } })
        }
      />
    </PlainButtons>
  )
}
