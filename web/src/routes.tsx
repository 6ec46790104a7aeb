// The page table: every signed-in page is one entry here. The router, the side menu, the
// permission guard and the home page shortcuts are all derived from it.
import {
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  AlertOutlined,
  BookOutlined,
  CalculatorOutlined,
  ClusterOutlined,
  IdcardOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  StopOutlined,
  TrophyOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FileAddOutlined,
  FundOutlined,
  FieldTimeOutlined,
  HomeOutlined,
  PhoneOutlined,
  ProfileOutlined,
  RiseOutlined,
  SmileOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ParseKeys } from 'i18next';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Permission } from './api/types';

/** A group of menu entries shown as one sub-menu. */
export interface MenuArea {
  key: string;
  labelKey: ParseKeys;
  icon: ReactNode;
}

export interface AppRoute {
  path: string;
  labelKey: ParseKeys;
  icon: ReactNode;
  component: LazyExoticComponent<ComponentType>;
  /** Needed to see the menu entry and open the page; absent means every signed-in user. */
  permission?: Permission;
  /** Key of a MenuArea to nest the entry under; absent means top level. */
  area?: string;
  /** False keeps the page out of the side menu (it is reached another way). */
  menu?: boolean;
  /** Customer portal pages render in the portal shell (no staff menu). */
  portal?: boolean;
}

export const menuAreas: readonly MenuArea[] = [
  { key: 'desk', labelKey: 'nav.desk', icon: <CustomerServiceOutlined /> },
  { key: 'feedback', labelKey: 'nav.feedback', icon: <SmileOutlined /> },
  { key: 'sla', labelKey: 'nav.sla', icon: <FieldTimeOutlined /> },
  { key: 'org', labelKey: 'nav.org', icon: <ApartmentOutlined /> },
  { key: 'assessment', labelKey: 'nav.assessment', icon: <TrophyOutlined /> },
  { key: 'inspection', labelKey: 'nav.inspection', icon: <SafetyCertificateOutlined /> },
  { key: 'improvement', labelKey: 'nav.improvement', icon: <RiseOutlined /> },
];

export const appRoutes: readonly AppRoute[] = [
  {
    path: '/',
    labelKey: 'nav.home',
    icon: <HomeOutlined />,
    component: lazy(() => import('./pages/home/Home')),
  },
  {
    path: '/desk/tickets',
    labelKey: 'nav.tickets',
    icon: <UnorderedListOutlined />,
    permission: 'ticket.read',
    area: 'desk',
    component: lazy(() => import('./pages/desk/TicketList')),
  },
  {
    path: '/desk/tickets/new',
    labelKey: 'nav.newTicket',
    icon: <FileAddOutlined />,
    permission: 'ticket.write',
    area: 'desk',
    component: lazy(() => import('./pages/desk/RegisterTicket')),
  },
  {
    path: '/desk/tickets/:id',
    labelKey: 'nav.ticket',
    icon: <ProfileOutlined />,
    permission: 'ticket.read',
    area: 'desk',
    menu: false,
    component: lazy(() => import('./pages/desk/TicketPage')),
  },
  {
    path: '/desk/callbacks',
    labelKey: 'nav.callbacks',
    icon: <PhoneOutlined />,
    permission: 'ticket.read',
    area: 'desk',
    component: lazy(() => import('./pages/desk/CallbackQueue')),
  },
  {
    path: '/desk/dashboard',
    labelKey: 'nav.deskDashboard',
    icon: <DashboardOutlined />,
    permission: 'desk.report',
    area: 'desk',
    component: lazy(() => import('./pages/desk/DeskDashboard')),
  },
  {
    path: '/desk/complaints',
    labelKey: 'nav.complaints',
    icon: <BarChartOutlined />,
    permission: 'desk.report',
    area: 'desk',
    component: lazy(() => import('./pages/desk/ComplaintSummary')),
  },
  {
    path: '/desk/import',
    labelKey: 'nav.import',
    icon: <UploadOutlined />,
    permission: 'ticket.write',
    area: 'desk',
    component: lazy(() => import('./pages/desk/ImportTickets')),
  },
  {
    path: '/feedback/results',
    labelKey: 'nav.surveyResults',
    icon: <BarChartOutlined />,
    permission: 'desk.report',
    area: 'feedback',
    component: lazy(() => import('./pages/feedback/SurveyResults')),
  },
  {
    path: '/feedback/invitations',
    labelKey: 'nav.surveyInvitations',
    icon: <UnorderedListOutlined />,
    permission: 'ticket.read',
    area: 'feedback',
    component: lazy(() => import('./pages/feedback/SurveyInvitations')),
  },
  {
    path: '/feedback/follow-ups',
    labelKey: 'nav.followUps',
    icon: <PhoneOutlined />,
    permission: 'desk.report',
    area: 'feedback',
    component: lazy(() => import('./pages/feedback/FollowUps')),
  },
  {
    path: '/feedback/open-answers',
    labelKey: 'nav.surveyOpenAnswers',
    icon: <UnorderedListOutlined />,
    permission: 'desk.report',
    area: 'feedback',
    component: lazy(() => import('./pages/feedback/OpenTexts')),
  },
  {
    path: '/feedback/agency-import',
    labelKey: 'nav.surveyAgencyImport',
    icon: <UploadOutlined />,
    permission: 'feedback.manage',
    area: 'feedback',
    component: lazy(() => import('./pages/feedback/AgencyImport')),
  },
  {
    path: '/feedback/campaigns',
    labelKey: 'nav.surveyCampaigns',
    icon: <FundOutlined />,
    permission: 'feedback.manage',
    area: 'feedback',
    component: lazy(() => import('./pages/feedback/Campaigns')),
  },
  {
    path: '/feedback/campaigns/:id',
    labelKey: 'nav.surveyCampaigns',
    icon: <ProfileOutlined />,
    permission: 'feedback.manage',
    area: 'feedback',
    menu: false,
    component: lazy(() => import('./pages/feedback/CampaignProgress')),
  },
  {
    path: '/feedback/settings',
    labelKey: 'nav.surveySettings',
    icon: <SettingOutlined />,
    permission: 'feedback.manage',
    area: 'feedback',
    component: lazy(() => import('./pages/feedback/SurveySettings')),
  },
  {
    path: '/feedback/templates',
    labelKey: 'nav.surveyTemplates',
    icon: <ProfileOutlined />,
    permission: 'feedback.manage',
    area: 'feedback',
    component: lazy(() => import('./pages/feedback/SurveyTemplates')),
  },
  {
    path: '/sla/policies',
    labelKey: 'nav.policies',
    icon: <FieldTimeOutlined />,
    permission: 'sla.manage',
    area: 'sla',
    component: lazy(() => import('./pages/sla/Policies')),
  },
  {
    path: '/sla/calendars',
    labelKey: 'nav.calendars',
    icon: <CalendarOutlined />,
    permission: 'sla.manage',
    area: 'sla',
    component: lazy(() => import('./pages/sla/calendars/Calendars')),
  },
  {
    path: '/sla/categories',
    labelKey: 'nav.categories',
    icon: <AppstoreOutlined />,
    permission: 'sla.manage',
    area: 'sla',
    component: lazy(() => import('./pages/sla/Categories')),
  },
  {
    path: '/org/departments',
    labelKey: 'nav.departments',
    icon: <ApartmentOutlined />,
    permission: 'org.read',
    area: 'org',
    component: lazy(() => import('./pages/org/Departments')),
  },
  {
    path: '/org/staff',
    labelKey: 'nav.staff',
    icon: <TeamOutlined />,
    permission: 'org.read',
    area: 'org',
    component: lazy(() => import('./pages/org/Staff')),
  },
  {
    path: '/assessment/me',
    labelKey: 'nav.myAssessment',
    icon: <IdcardOutlined />,
    // The permission of GET /assessment/me/results: every staff role that can be assessed, not the
    // third-party evaluator.
    permission: 'assessment.own',
    area: 'assessment',
    component: lazy(() => import('./pages/assessment/MyResults')),
  },
  {
    path: '/assessment/periods',
    labelKey: 'nav.assessmentPeriods',
    icon: <ScheduleOutlined />,
    permission: 'assessment.read',
    area: 'assessment',
    component: lazy(() => import('./pages/assessment/Periods')),
  },
  {
    path: '/assessment/periods/:id',
    labelKey: 'nav.assessmentResults',
    icon: <ScheduleOutlined />,
    permission: 'assessment.read',
    area: 'assessment',
    menu: false,
    component: lazy(() => import('./pages/assessment/PeriodResults')),
  },
  {
    path: '/assessment/periods/:id/inputs',
    labelKey: 'nav.assessmentInputs',
    icon: <ScheduleOutlined />,
    permission: 'assessment.read',
    area: 'assessment',
    menu: false,
    component: lazy(() => import('./pages/assessment/Inputs')),
  },
  {
    path: '/assessment/periods/:id/assessees/:assessee',
    labelKey: 'nav.assessmentDetail',
    icon: <ScheduleOutlined />,
    permission: 'assessment.own',
    area: 'assessment',
    menu: false,
    component: lazy(() => import('./pages/assessment/ResultDetail')),
  },
  {
    path: '/assessment/schemes',
    labelKey: 'nav.assessmentSchemes',
    icon: <ClusterOutlined />,
    permission: 'assessment.read',
    area: 'assessment',
    component: lazy(() => import('./pages/assessment/Schemes')),
  },
  {
    path: '/assessment/library',
    labelKey: 'nav.assessmentLibrary',
    icon: <BookOutlined />,
    permission: 'assessment.read',
    area: 'assessment',
    component: lazy(() => import('./pages/assessment/Library')),
  },
  {
    path: '/assessment/exclusions',
    labelKey: 'nav.assessmentExclusions',
    icon: <StopOutlined />,
    // Handlers and managers request exclusions; readers of assessment (quality) also decide them.
    permission: 'ticket.write',
    area: 'assessment',
    component: lazy(() => import('./pages/assessment/Exclusions')),
  },
  {
    path: '/assessment/appeals',
    labelKey: 'nav.assessmentAppeals',
    icon: <MessageOutlined />,
    permission: 'assessment.read',
    area: 'assessment',
    component: lazy(() => import('./pages/assessment/Appeals')),
  },
  {
    path: '/assessment/archive',
    labelKey: 'nav.assessmentArchive',
    icon: <AlertOutlined />,
    permission: 'assessment.read',
    area: 'assessment',
    component: lazy(() => import('./pages/assessment/Archive')),
  },
  {
    path: '/assessment/archive/:staffId',
    labelKey: 'nav.assessmentArchive',
    icon: <AlertOutlined />,
    permission: 'assessment.own',
    area: 'assessment',
    menu: false,
    component: lazy(() => import('./pages/assessment/Archive')),
  },
  {
    path: '/assessment/methods',
    labelKey: 'nav.assessmentMethods',
    icon: <CalculatorOutlined />,
    permission: 'staff',
    area: 'assessment',
    component: lazy(() => import('./pages/assessment/Methods')),
  },
  {
    path: '/inspection/queue',
    labelKey: 'nav.inspectionQueue',
    icon: <UnorderedListOutlined />,
    permission: 'inspection.perform',
    area: 'inspection',
    component: lazy(() => import('./pages/inspection/Queue')),
  },
  {
    path: '/inspection/inspections/:id',
    labelKey: 'nav.inspection',
    icon: <ProfileOutlined />,
    permission: 'staff',
    area: 'inspection',
    menu: false,
    component: lazy(() => import('./pages/inspection/InspectionPage')),
  },
  {
    path: '/inspection/mine',
    labelKey: 'nav.myInspections',
    icon: <IdcardOutlined />,
    permission: 'staff',
    area: 'inspection',
    component: lazy(() => import('./pages/inspection/MyInspections')),
  },
  {
    path: '/inspection/scorecards',
    labelKey: 'nav.scorecards',
    icon: <ProfileOutlined />,
    permission: 'inspection.manage',
    area: 'inspection',
    component: lazy(() => import('./pages/inspection/Scorecards')),
  },
  {
    path: '/inspection/scorecards/:id',
    labelKey: 'nav.scorecard',
    icon: <ProfileOutlined />,
    permission: 'inspection.manage',
    area: 'inspection',
    menu: false,
    component: lazy(() => import('./pages/inspection/ScorecardEditor')),
  },
  {
    path: '/inspection/appeals',
    labelKey: 'nav.inspectionAppeals',
    icon: <MessageOutlined />,
    permission: 'inspection.manage',
    area: 'inspection',
    component: lazy(() => import('./pages/inspection/AppealInbox')),
  },
  {
    path: '/inspection/sampling',
    labelKey: 'nav.samplingPlans',
    icon: <UnorderedListOutlined />,
    permission: 'inspection.manage',
    area: 'inspection',
    component: lazy(() => import('./pages/inspection/SamplingPlans')),
  },
  {
    path: '/inspection/calibrations',
    labelKey: 'nav.calibrations',
    icon: <TeamOutlined />,
    permission: 'inspection.perform',
    area: 'inspection',
    component: lazy(() => import('./pages/inspection/Calibrations')),
  },
  {
    path: '/inspection/calibrations/:id',
    labelKey: 'nav.calibrations',
    icon: <TeamOutlined />,
    permission: 'inspection.perform',
    area: 'inspection',
    menu: false,
    component: lazy(() => import('./pages/inspection/CalibrationPage')),
  },
  {
    path: '/inspection/charts',
    labelKey: 'nav.inspectionCharts',
    icon: <ProfileOutlined />,
    permission: 'staff',
    area: 'inspection',
    component: lazy(() => import('./pages/inspection/Charts')),
  },
  {
    path: '/improvement',
    labelKey: 'nav.improvementBoard',
    icon: <AppstoreOutlined />,
    permission: 'improvement.use',
    area: 'improvement',
    component: lazy(() => import('./pages/improvement/Board')),
  },
  {
    path: '/improvement/actions/:id',
    labelKey: 'nav.improvementAction',
    icon: <ProfileOutlined />,
    permission: 'improvement.use',
    area: 'improvement',
    menu: false,
    component: lazy(() => import('./pages/improvement/ActionPage')),
  },
  {
    path: '/improvement/overdue',
    labelKey: 'nav.improvementOverdue',
    icon: <AlertOutlined />,
    permission: 'improvement.use',
    area: 'improvement',
    component: lazy(() => import('./pages/improvement/Overdue')),
  },
  {
    path: '/improvement/suggest',
    labelKey: 'nav.improvementSuggest',
    icon: <MessageOutlined />,
    permission: 'improvement.use',
    area: 'improvement',
    component: lazy(() => import('./pages/improvement/Suggest')),
  },
  {
    path: '/improvement/audits',
    labelKey: 'nav.improvementAudits',
    icon: <AuditOutlined />,
    permission: 'improvement.use',
    area: 'improvement',
    component: lazy(() => import('./pages/improvement/Audits')),
  },
  {
    path: '/audit',
    labelKey: 'nav.audit',
    icon: <AuditOutlined />,
    permission: 'audit.read',
    component: lazy(() => import('./pages/audit/AuditLog')),
  },
  {
    path: '/profile',
    labelKey: 'nav.profile',
    icon: <UserOutlined />,
    menu: false,
    component: lazy(() => import('./pages/profile/Profile')),
  },
  {
    path: '/portal',
    labelKey: 'nav.portal',
    icon: <UnorderedListOutlined />,
    permission: 'portal.use',
    menu: false,
    portal: true,
    component: lazy(() => import('./pages/portal/MyRequests')),
  },
  {
    path: '/portal/new',
    labelKey: 'nav.portalNew',
    icon: <FileAddOutlined />,
    permission: 'portal.use',
    menu: false,
    portal: true,
    component: lazy(() => import('./pages/portal/NewRequest')),
  },
  {
    path: '/portal/tickets/:id',
    labelKey: 'nav.portalTicket',
    icon: <ProfileOutlined />,
    permission: 'portal.use',
    menu: false,
    portal: true,
    component: lazy(() => import('./pages/portal/PortalTicket')),
  },
];

/** The route that owns `pathname`: exact, or its longest path prefix (so /org/staff/7 selects Staff). */
export function matchRoute(pathname: string): AppRoute | undefined {
  const owns = (route: AppRoute) =>
    pathname === route.path || (route.path !== '/' && pathname.startsWith(`${route.path}/`));
  return appRoutes
    .filter((route) => route.menu !== false)
    .filter(owns)
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** A customer: may use the portal and nothing of the staff desk. Their home is the portal. */
export function isPortalOnly(can: (permission: Permission) => boolean): boolean {
  return can('portal.use') && !can('ticket.read');
}
