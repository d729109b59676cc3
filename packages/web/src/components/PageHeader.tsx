import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's title on the left and its main actions on the right. */
export function PageHeader({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <Typography.Title level={4}>{title}</Typography.Title>
        {children}
      </div>
      {extra ? <div>{extra}</div> : null}
    </div>
  );
}
