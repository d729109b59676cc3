import { Button } from 'antd';

interface Props {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
  moreText: string;
  doneText: string;
}

/** Cursor paging: one button under a list that asks for the next page. */
export function LoadMore({ hasMore, loading, onLoad, moreText, doneText }: Props) {
  return (
    <div style={{ textAlign: 'center', padding: '12px 0' }}>
      {hasMore ? (
        <Button onClick={onLoad} loading={loading} data-testid="load-more">
          {moreText}
        </Button>
      ) : (
        <span style={{ color: '#8c8c8c', fontSize: 13 }}>{doneText}</span>
      )}
    </div>
  );
}
