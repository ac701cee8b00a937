import { createBrowserRouter } from 'react-router';
import { AdminPage } from '../features/admin/AdminPage';
import { SignInPage } from '../features/auth/SignInPage';
import { ComposerPage } from '../features/composer/ComposerPage';
import { EditNotePage } from '../features/composer/EditNotePage';
import { DevSmsPage } from '../features/dev-sms/DevSmsPage';
import { ExplorePage } from '../features/feed/ExplorePage';
import { CasePage } from '../features/moderation/CasePage';
import { ModerationPage } from '../features/moderation/ModerationPage';
import { NotePage } from '../features/notes/NotePage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { NotFoundPage } from '../features/placeholders/NotFoundPage';
import { EditProfilePage } from '../features/profile/EditProfilePage';
import { MePage } from '../features/profile/MePage';
import { UserPage } from '../features/profile/UserPage';
import { SafetyPage } from '../features/reports/SafetyPage';
import { StatementPage } from '../features/reports/StatementPage';
import { SearchPage } from '../features/search/SearchPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { PrivacyCentrePage } from '../features/privacy/PrivacyCentrePage';
import { FollowRequestsPage } from '../features/privacy-controls/FollowRequestsPage';
import { FollowListPage } from '../features/social/FollowListPage';
import { TopicPage } from '../features/topics/TopicPage';
import { TransparencyPage } from '../features/transparency/TransparencyPage';
import { VideoFeedPage } from '../features/video/VideoFeedPage';
import { AppLayout } from './AppLayout';
import { RouteError } from './RouteError';

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      children: [
        {
          // Inside the layout, so a crashing screen keeps the navigation around it.
          errorElement: <RouteError />,
          children: [
            { index: true, element: <ExplorePage /> },
            { path: 'video', element: <VideoFeedPage /> },
            { path: 'post', element: <ComposerPage /> },
            { path: 'messages', element: <NotificationsPage /> },
            { path: 'notes/:id', element: <NotePage /> },
            { path: 'notes/:id/edit', element: <EditNotePage /> },
            { path: 'topics/:name', element: <TopicPage /> },
            { path: 'search', element: <SearchPage /> },
            { path: 'me', element: <MePage /> },
            { path: 'me/edit', element: <EditProfilePage /> },
            { path: 'me/follow-requests', element: <FollowRequestsPage /> },
            { path: 'me/safety', element: <SafetyPage /> },
            { path: 'me/privacy', element: <PrivacyCentrePage /> },
            { path: 'me/safety/statements/:id', element: <StatementPage /> },
            { path: 'moderation', element: <ModerationPage /> },
            { path: 'moderation/cases/:id', element: <CasePage /> },
            { path: 'transparency', element: <TransparencyPage /> },
            { path: 'login', element: <SignInPage /> },
            { path: 'settings', element: <SettingsPage /> },
            { path: 'admin', element: <AdminPage /> },
            { path: 'u/:handle', element: <UserPage /> },
            { path: 'u/:handle/followers', element: <FollowListPage kind="followers" /> },
            { path: 'u/:handle/following', element: <FollowListPage kind="following" /> },
            { path: 'dev/sms', element: <DevSmsPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
