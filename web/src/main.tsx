import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App temporalUiUrl={import.meta.env.VITE_TEMPORAL_UI_URL || 'http://localhost:8233'} />
  </StrictMode>,
);
