import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone, normaliseMobile, normalisePhone } from '../src/phone';

describe('normaliseMobile: as people type mainland mobiles', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['  13800138000\t', '13800138000'],
    ['138\u30000013\u30008000', '13800138000'], // ideographic space
    ['１３８００１３８０００', '13800138000'], // full-width digits from a Chinese input method
    ['＋８６ １３８－００１３－８０００', '13800138000'],
    ['（138）00138000', '13800138000'],
    ['14512345678', '14512345678'],
    ['16612345678', '16612345678'],
    ['17012345678', '17012345678'],
    ['19912345678', '19912345678'],
  ])('%j -> %s', (input, expected) => {
    expect(normaliseMobile(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['abc', 'letters'],
    ['1380013800', '10 digits'],
    ['138001380001', '12 digits'],
    ['12345678901', 'no such mobile prefix'],
    ['010-8888 6666', 'a landline'],
    ['88886666', 'a local number without area code'],
    ['10086', 'a service number'],
    ['+1 650 253 0000', 'a foreign number'],
    ['+852 9123 4567', 'a Hong Kong mobile'],
  ])('%j (%s) is refused', (input) => {
    expect(normaliseMobile(input)).toBeNull();
  });
});

describe('normalisePhone: mobiles and landlines', () => {
  it.each([
    ['138 0013 8000', '13800138000'],
    ['010-8888 6666', '01088886666'],
    ['(010) 8888-6666', '01088886666'],
    ['+86 21 6666 8888', '02166668888'],
    ['0086 21 6666 8888', '02166668888'],
    ['0571-8765 4321', '057187654321'],
    ['400-800-1234', '4008001234'],
  ])('%j -> %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each(['', 'abc', '88886666', '95588', '12345678901', '+1 650 253 0000'])('%j is refused', (input) => {
    expect(normalisePhone(input)).toBeNull();
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['01088886666', '010****6666'],
    ['02166668888', '021****8888'],
    ['057187654321', '0571****4321'],
    ['07558888666', '0755****8666'],
    ['4008001234', '****1234'],
    ['12345', '****2345'],
    ['1234', '****'],
    ['', '****'],
  ])('%s -> %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('never shows more than the area code and the last 4 digits of a landline', () => {
    const masked = maskPhone('01088886666');
    expect(masked.replace(/\*/g, '')).toBe('0106666');
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['11010119900307123X', '110***********123X'],
    ['110101900307123', '110********7123'],
    ['1234567', '*******'],
    ['', ''],
  ])('%s -> %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });

  it('hides the date of birth', () => {
    expect(maskIdNumber('11010119900307123X')).not.toContain('1990');
  });
});
