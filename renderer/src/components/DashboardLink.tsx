// A link into the dashboard window. In Electron the shell opens (or focuses) the window through
// the bridge; the href keeps it a real link, and is what the browser dashboard follows anyway.
import type { MouseEvent, ReactNode } from 'react';
import { dashboardHash, type DashboardTarget } from '../../../preload/contract';
import { getBridge } from '../bridge';

export function DashboardLink({ target, className, children }: { target?: DashboardTarget; className?: string; children: ReactNode }) {
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    void getBridge().openDashboard(target);
  };
  return (
    <a href={`./index.html${dashboardHash(target)}`} className={className} onClick={open}>
      {children}
    </a>
  );
}
