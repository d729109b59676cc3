import type { Customer } from '@kefu/shared/customer';
import { Drawer } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import { EditCustomerForm } from './EditCustomerForm';
import type { RevealedNumbers } from './RevealButton';

/** The edit form in a drawer beside the record; the form is built fresh each time it opens. */
export function EditCustomerDrawer({
  customer,
  numbers,
  open,
  onClose,
}: {
  customer: Customer;
  numbers: RevealedNumbers | null;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Drawer open={open} onClose={onClose} title={`${t('customer.edit.title')} · ${customer.name}`} size={880} destroyOnHidden mask={{ closable: false }}>
      {open ? <EditCustomerForm customer={customer} numbers={numbers} onDone={onClose} /> : null}
    </Drawer>
  );
}
