import type { ComponentType } from 'react';
import { HomeIcon, MessageIcon, PlusIcon, UserIcon, VideoIcon } from '../ui/icons';

export interface NavItem {
  to: string;
  /** i18n key of the visible label (or the accessible name for the + tab). */
  labelKey: 'nav.home' | 'nav.video' | 'nav.post' | 'nav.messages' | 'nav.me';
  icon: ComponentType<{ size?: number }>;
  /** The + tab is drawn as a red button rather than a labelled tab. */
  primary?: boolean;
  testId: string;
  /** Shows the unread-notifications count. */
  badge?: boolean;
}

/** Where the side navigation takes over from the tab bar (layout.css uses the same width). */
export const DESKTOP_QUERY = '(min-width: 900px)';

/** The five tabs, in RedNote's order: Home, Video, +, Messages, Me. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.home', icon: HomeIcon, testId: 'home' },
  { to: '/video', labelKey: 'nav.video', icon: VideoIcon, testId: 'video' },
  { to: '/post', labelKey: 'nav.post', icon: PlusIcon, primary: true, testId: 'post' },
  { to: '/messages', labelKey: 'nav.messages', icon: MessageIcon, testId: 'messages', badge: true },
  { to: '/me', labelKey: 'nav.me', icon: UserIcon, testId: 'me' },
];
