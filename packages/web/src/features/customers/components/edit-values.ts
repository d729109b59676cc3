import type { Customer } from '@kefu/shared/customer';
import { fromCustomer, type CustomerFormValues } from '../form-values';
import type { RevealedNumbers } from './RevealButton';

/** The record as edit-form values, with the numbers in clear when the reader has revealed them. */
export function editValues(c: Customer, numbers: RevealedNumbers | null): CustomerFormValues {
  const values = fromCustomer(c);
  return numbers ? { ...values, mobile: numbers.mobile, otherPhones: numbers.otherPhones, idNumber: numbers.idNumber } : values;
}
