import type { MajorComplaint } from '@kefu/shared/complaint-report';
import { Card, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { SEVERITY_COLORS, STATE_COLORS, useComplaintLabels } from '../../complaints/labels';

/** 重大投诉 of the period (SPEC §5: "major complaints watched"), each a link to its case. */
export function MajorTable({ items }: { items: MajorComplaint[] }) {
  const t = useT();
  const label = useComplaintLabels();
  return (
    <Card title={`${t('creport.majorList')}（${items.length}）`} size="small" variant="borderless" data-testid="report-major">
      <Table<MajorComplaint>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t('creport.noMajor') }}
        scroll={{ x: 860 }}
        columns={[
          { title: t('creport.col.number'), dataIndex: 'number', width: 150, render: (n: string, r) => <Link to={`/complaints/${r.id}`}>{n}</Link> },
          { title: t('creport.col.received'), dataIndex: 'receivedAt', width: 130, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
          { title: t('creport.col.complainant'), dataIndex: 'complainantName', width: 100 },
          { title: t('creport.col.category'), dataIndex: 'category', width: 130, render: (c: MajorComplaint['category']) => label.category(c) },
          {
            title: t('creport.col.severity'),
            dataIndex: 'severity',
            width: 90,
            render: (s: MajorComplaint['severity']) => <Tag color={SEVERITY_COLORS[s]}>{label.severity(s)}</Tag>,
          },
          { title: t('creport.col.department'), dataIndex: 'departmentName', width: 110, render: (v: string | null) => v ?? '—' },
          { title: t('creport.col.assignee'), dataIndex: 'assigneeName', width: 90, render: (v: string | null) => v ?? '—' },
          {
            title: t('creport.col.state'),
            dataIndex: 'state',
            width: 110,
            render: (s: MajorComplaint['state']) => <Tag color={STATE_COLORS[s]}>{label.state(s)}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
