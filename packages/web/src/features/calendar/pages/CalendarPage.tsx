import { Card, Col, Row, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { PageHeader } from '../../../components/PageHeader';
import { useCalendarCoverage } from '../api';
import { CoverageBanner } from '../components/CoverageBanner';
import { WorkWeekForm } from '../components/WorkWeekForm';
import { YearView } from '../components/YearView';

/** 工作日历: the working week, and the holidays and 调休 of each year, which every complaint deadline counts with. */
export function CalendarPage() {
  const t = useT();
  const coverage = useCalendarCoverage();
  const [chosen, setChosen] = useState<number | null>(null);
  // the department's current year, as the server sees it in the calendar's zone
  const year = chosen ?? coverage.data?.checked[0] ?? new Date().getFullYear();
  return (
    <>
      <PageHeader title={t('calendar.title')}>
        <Typography.Text type="secondary">{t('calendar.subtitle')}</Typography.Text>
      </PageHeader>
      {coverage.data ? <CoverageBanner coverage={coverage.data} onOpen={setChosen} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8} xxl={6}>
          <Card variant="borderless" title={t('calendar.week')}>
            <WorkWeekForm />
          </Card>
        </Col>
        <Col xs={24} xl={16} xxl={18}>
          <Card variant="borderless">
            <YearView year={year} onYear={setChosen} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
