import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../i18n/i18n';
import '../styles/app.css';
import { DashboardApp } from './DashboardApp';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <DashboardApp />
    </StrictMode>,
  );
}
