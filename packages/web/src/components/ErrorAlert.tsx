import { Alert, Button } from 'antd';
import { errorText } from '../lib/api-error';

/** A failed request, in the words of the server's problem answer, with a retry when one makes sense. */
export function ErrorAlert({ error, onRetry, retryText }: { error: unknown; onRetry?: () => void; retryText?: string }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(error)}
      style={{ marginBottom: 12 }}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {retryText}
          </Button>
        ) : undefined
      }
    />
  );
}
