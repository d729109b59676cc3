import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Col, Popconfirm, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useCalendarConfig, useCalendarYear, useMarkYear } from '../api';
import type { DayCell, DayLook } from '../month-days';
import { DayDialog } from './DayDialog';
import { MonthGrid } from './MonthGrid';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** The twelve months of a year with its holidays and 调休, and whether the year's data is complete. */
export function YearView({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  const t = useT();
  const config = useCalendarConfig();
  const data = useCalendarYear(year);
  const mark = useMarkYear();
  const [picked, setPicked] = useState<{ cell: DayCell; look: DayLook } | null>(null);
  const entries = useMemo(() => new Map((data.data?.days ?? []).map((d) => [d.date, d])), [data.data]);

  const coveredBy = data.data?.coveredBy;
  const status =
    coveredBy === 'shipped' ? (
      <Tag color="green" data-testid="year-status">
        {t('calendar.year.shipped')}
      </Tag>
    ) : coveredBy === 'manual' ? (
      <Tag color="blue" data-testid="year-status">
        {t('calendar.year.manual')}
      </Tag>
    ) : coveredBy === null ? (
      <Tag color="warning" data-testid="year-status">
        {t('calendar.year.missing')}
      </Tag>
    ) : null;

  return (
    <div data-testid="year-view">
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space>
          <Button icon={<LeftOutlined />} aria-label={t('calendar.year.prev')} onClick={() => onYear(year - 1)} data-testid="year-prev" />
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="year-title">
            {t('calendar.year', { year })}
          </Typography.Title>
          <Button icon={<RightOutlined />} aria-label={t('calendar.year.next')} onClick={() => onYear(year + 1)} data-testid="year-next" />
          {status}
        </Space>
        {coveredBy === null ? (
          <Popconfirm
            title={t('calendar.year.markCovered.confirm', { year })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => mark.mutate({ year, covered: true })}
          >
            <Button type="primary" loading={mark.isPending} data-testid="year-mark">
              {t('calendar.year.markCovered', { year })}
            </Button>
          </Popconfirm>
        ) : coveredBy === 'manual' ? (
          <Button onClick={() => mark.mutate({ year, covered: false })} loading={mark.isPending} data-testid="year-unmark">
            {t('calendar.year.unmark')}
          </Button>
        ) : null}
      </Space>
      {mark.isError ? <ErrorAlert error={mark.error} /> : null}
      <Space wrap size="middle" style={{ marginBottom: 12, fontSize: 12 }}>
        <Legend color="#fff1f0" border="#cf1322" text={t('calendar.legend.holiday')} />
        <Legend color="#e6f4ff" border="#1677ff" text={`${t('calendar.legend.workday')}（${t('calendar.work.badge')}）`} />
        <Legend color="transparent" border="#d9d9d9" dashed text={t('calendar.legend.manual')} />
        <Typography.Text type="secondary">{t('calendar.legend.click')}</Typography.Text>
      </Space>
      {data.isError ? <ErrorAlert error={data.error} /> : null}
      {config.isError ? <ErrorAlert error={config.error} /> : null}
      {data.isPending || config.isPending || !config.data ? (
        <Skeleton active />
      ) : (
        <Row gutter={[20, 16]}>
          {MONTHS.map((m) => (
            <Col key={m} xs={24} sm={12} lg={8} xxl={6}>
              <MonthGrid year={year} month={m} entries={entries} config={config.data} onPick={(cell, look) => setPicked({ cell, look })} />
            </Col>
          ))}
        </Row>
      )}
      {picked ? <DayDialog key={picked.cell.date} cell={picked.cell} look={picked.look} onClose={() => setPicked(null)} /> : null}
    </div>
  );
}

function Legend({ color, border, text, dashed }: { color: string; border: string; text: string; dashed?: boolean }) {
  return (
    <Space size={4}>
      <span
        style={{
          display: 'inline-block',
          verticalAlign: 'middle',
          width: 14,
          height: 14,
          background: color,
          border: `1px ${dashed ? 'dashed' : 'solid'} ${dashed ? '#fa8c16' : border}`,
          borderRadius: 3,
        }}
      />
      <Typography.Text style={{ fontSize: 12 }}>{text}</Typography.Text>
    </Space>
  );
}
