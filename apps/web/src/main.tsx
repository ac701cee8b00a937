import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// i18n first: the first render must already be in the user's language.
import './i18n';
import './ui/tokens.css';
import './ui/base.css';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
