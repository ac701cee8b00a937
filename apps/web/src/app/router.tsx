import { createBrowserRouter } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { DevSmsPage } from '../features/dev-sms/DevSmsPage';
import { ComingSoonPage } from '../features/placeholders/ComingSoonPage';
import { NotFoundPage } from '../features/placeholders/NotFoundPage';
import { EditProfilePage } from '../features/profile/EditProfilePage';
import { MePage } from '../features/profile/MePage';
import { UserPage } from '../features/profile/UserPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { AppLayout } from './AppLayout';

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      children: [
        { index: true, element: <ComingSoonPage section="home" /> },
        { path: 'video', element: <ComingSoonPage section="video" /> },
        { path: 'post', element: <ComingSoonPage section="post" /> },
        { path: 'messages', element: <ComingSoonPage section="messages" /> },
        { path: 'me', element: <MePage /> },
        { path: 'me/edit', element: <EditProfilePage /> },
        { path: 'login', element: <SignInPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: 'u/:handle', element: <UserPage /> },
        { path: 'dev/sms', element: <DevSmsPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
