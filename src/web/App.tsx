import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ErrorNotice, Loading } from './components/states.js';
import { LoginPage } from './pages/LoginPage.js';
import { PATHS } from './paths.js';
import { SessionProvider, useMeQuery } from './session.js';

// P5: the sign-in page loads only itself; the signed-in frame and every page come when shown.
const Shell = lazy(() => import('./Shell.js').then(({ Shell }) => ({ default: Shell })));
const ChangePasswordPage = lazy(() =>
  import('./pages/ChangePasswordPage.js').then(({ ChangePasswordPage }) => ({ default: ChangePasswordPage })),
);
const AccountSecurityPage = lazy(() =>
  import('./pages/AccountSecurityPage.js').then(({ AccountSecurityPage }) => ({
    default: AccountSecurityPage,
  })),
);

const TasksPage = lazy(() => import('./pages/TasksPage.js'));
const TreePage = lazy(() => import('./pages/TreePage.js'));
const OrganizationPage = lazy(() => import('./pages/OrganizationPage.js'));
const WorkplacePage = lazy(() => import('./pages/WorkplacePage.js'));
const PeoplePage = lazy(() => import('./pages/PeoplePage.js'));
const AccountsPage = lazy(() => import('./pages/AccountsPage.js'));
const AuditPage = lazy(() => import('./pages/AuditPage.js'));
const SettingsPage = lazy(() => import('./pages/SettingsPage.js'));
const ProvinceImportPage = lazy(() => import('./pages/ProvinceImportPage.js'));
const PlansPage = lazy(() => import('./pages/PlansPage.js'));
const PlanPage = lazy(() => import('./pages/PlanPage.js'));
const PlanProgressPage = lazy(() => import('./pages/PlanProgressPage.js'));
const ConcernsPage = lazy(() => import('./pages/ConcernsPage.js'));
const ConcernPage = lazy(() => import('./pages/ConcernPage.js'));
const MySelfCriticismsPage = lazy(() => import('./pages/MySelfCriticismsPage.js'));
const MyCompiledPointsPage = lazy(() => import('./pages/MyCompiledPointsPage.js'));
const SelfCriticismPage = lazy(() => import('./pages/SelfCriticismPage.js'));
const WorkplaceSelfCriticismsPage = lazy(() => import('./pages/WorkplaceSelfCriticismsPage.js'));
const MeetingPage = lazy(() => import('./pages/MeetingPage.js'));
const MeetingLivePage = lazy(() => import('./pages/MeetingLivePage.js'));
const MyMeetingsPage = lazy(() => import('./pages/MyMeetingsPage.js'));
const OnlineFeedbackPage = lazy(() => import('./pages/OnlineFeedbackPage.js'));
const MyRemediationPage = lazy(() => import('./pages/MyRemediationPage.js'));
const YearEndPage = lazy(() => import('./pages/YearEndPage.js'));
const ReportsPage = lazy(() => import('./pages/ReportsPage.js'));
const ReportPage = lazy(() => import('./pages/ReportPage.js'));
const PersonalDataPage = lazy(() => import('./pages/PersonalDataPage.js'));
const GuidePage = lazy(() => import('./pages/GuidePage.js'));

export function App() {
  const location = useLocation();
  const meQuery = useMeQuery();
  if (meQuery.isPending) return <Loading />;
  if (meQuery.isError) return <ErrorNotice error={meQuery.error} />;
  const me = meQuery.data;
  if (!me) {
    return (
      <Routes>
        <Route path={PATHS.login} element={<LoginPage />} />
        <Route
          path="*"
          element={
            <Navigate to={PATHS.login} replace state={{ from: location.pathname + location.search }} />
          }
        />
      </Routes>
    );
  }
  if (me.mustChangePassword) {
    return (
      <SessionProvider me={me}>
        <Suspense fallback={<Loading />}>
          <Shell minimal>
            <ChangePasswordPage required />
          </Shell>
        </Suspense>
      </SessionProvider>
    );
  }
  if (me.mustEnrollSecondFactor) {
    return (
      <SessionProvider me={me}>
        <Suspense fallback={<Loading />}>
          <Shell minimal>
            <AccountSecurityPage required />
          </Shell>
        </Suspense>
      </SessionProvider>
    );
  }
  return (
    <SessionProvider me={me}>
      <Suspense fallback={<Loading />}>
        <Shell>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path={PATHS.tasks} element={<TasksPage />} />
              <Route path={PATHS.tree} element={<TreePage />} />
              <Route path="/to-chuc/:id" element={<OrganizationPage />} />
              <Route path="/co-quan/:id" element={<WorkplacePage />} />
              <Route path={PATHS.people} element={<PeoplePage />} />
              <Route path={PATHS.accounts} element={<AccountsPage />} />
              <Route path={PATHS.provinceImport} element={<ProvinceImportPage />} />
              <Route path={PATHS.audit} element={<AuditPage />} />
              <Route path={PATHS.settings} element={<SettingsPage />} />
              <Route path={PATHS.changePassword} element={<ChangePasswordPage />} />
              <Route path={PATHS.accountSecurity} element={<AccountSecurityPage />} />
              <Route path="/nhan-su/:id/du-lieu-ca-nhan" element={<PersonalDataPage />} />
              <Route path={PATHS.plans} element={<PlansPage />} />
              <Route path="/ke-hoach/:id" element={<PlanPage />} />
              <Route path="/ke-hoach/:id/tien-do" element={<PlanProgressPage />} />
              <Route path={PATHS.concerns} element={<ConcernsPage />} />
              <Route path="/vuong-mac/:id" element={<ConcernPage />} />
              <Route path={PATHS.mySelfCriticisms} element={<MySelfCriticismsPage />} />
              <Route path={PATHS.myCompiledPoints} element={<MyCompiledPointsPage />} />
              <Route path="/tu-phe-binh/:id" element={<SelfCriticismPage />} />
              <Route
                path="/ke-hoach/:planId/co-quan/:workplaceId/tu-phe-binh"
                element={<WorkplaceSelfCriticismsPage />}
              />
              <Route path="/ke-hoach/:planId/co-quan/:workplaceId/hop" element={<MeetingPage />} />
              <Route path="/hop/:id/truc-tiep" element={<MeetingLivePage />} />
              <Route path={PATHS.myMeetings} element={<MyMeetingsPage />} />
              <Route path={PATHS.onlineFeedback} element={<OnlineFeedbackPage />} />
              <Route path={PATHS.myRemediation} element={<MyRemediationPage />} />
              <Route path={PATHS.yearEnd} element={<YearEndPage />} />
              <Route path={PATHS.reports} element={<ReportsPage />} />
              <Route path="/bao-cao/:planId/:organizationId" element={<ReportPage />} />
              <Route path={PATHS.guide} element={<GuidePage />} />
              <Route path={PATHS.login} element={<Navigate to={PATHS.tasks} replace />} />
              <Route path="*" element={<ErrorNotice title="Không tìm thấy trang" error={new Error()} />} />
            </Routes>
          </Suspense>
        </Shell>
      </Suspense>
    </SessionProvider>
  );
}
