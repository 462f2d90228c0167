/** The declaration prescan: WHATWG meta rules, the XML declaration, and what is not a declaration. */
import { describe, expect, it } from 'vitest';
import { findDeclaration, charsetFromContentType } from '../../src/stages/decode/prescan.js';
import { DEV_DIR, readBytes } from './helpers.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const find = (s: string) => findDeclaration(bytes(s));

describe('findDeclaration', () => {
  it('reads <meta charset>, quoted or not, any case', () => {
    expect(find('<html><head><meta charset="GB2312">')).toEqual({ label: 'gb2312', encoding: 'gbk' });
    expect(find("<meta charset='big5-hkscs'/>")).toEqual({ label: 'big5-hkscs', encoding: 'big5' });
    expect(find('<META CHARSET=utf8>')).toEqual({ label: 'utf8', encoding: 'utf-8' });
  });

  it('reads http-equiv Content-Type, but only with the pragma', () => {
    expect(find('<meta http-equiv="Content-Type" content="text/html; charset=gbk">')?.encoding).toBe('gbk');
    expect(find('<meta content="text/html;charset = \'x-gbk\'" http-equiv=content-type>')?.encoding).toBe('gbk');
    expect(find('<meta name="description" content="charset=big5 test">')).toBeUndefined();
  });

  it('maps labels the WHATWG way', () => {
    expect(find('<meta charset="latin1">')?.encoding).toBe('windows-1252');
    expect(find('<meta charset="GB18030">')?.encoding).toBe('gb18030');
    expect(find('<meta charset="chinese">')?.encoding).toBe('gbk');
    // A page whose ASCII was readable cannot be UTF-16.
    expect(find('<meta charset="utf-16">')?.encoding).toBe('utf-8');
  });

  it('skips unknown labels and goes on to the next declaration', () => {
    expect(find('<meta charset="gb_2312_1980_foo"><meta charset="gbk">')?.encoding).toBe('gbk');
    expect(find('<meta charset="x-user-defined">')).toBeUndefined();
  });

  it('ignores declarations inside comments and charset attributes of scripts and links', () => {
    expect(find('<!-- <meta charset="big5"> --><meta charset="gbk">')?.encoding).toBe('gbk');
    expect(find('<script src="a.js" charset="gb2312"></script><link charset="gbk" href="a.css">')).toBeUndefined();
  });

  it('ignores an attribute value that only looks like a tag', () => {
    expect(find('<div title="<meta charset=big5>"></div><meta charset="utf-8">')?.encoding).toBe('utf-8');
  });

  it('looks past the first 1024 bytes up to <body, not into it', () => {
    const padding = `<!-- ${'x'.repeat(2000)} -->`;
    expect(find(`<html><head>${padding}<meta charset="gb2312"></head>`)?.encoding).toBe('gbk');
    expect(find(`<html><head>${padding}</head><body><meta charset="gb2312">`)).toBeUndefined();
  });

  it('reads the XML declaration when there is no meta declaration', () => {
    expect(find('<?xml version="1.0" encoding="GB2312"?>\n<html>')?.encoding).toBe('gbk');
    expect(find('<?xml version="1.0" encoding="utf-8"?><html><head><meta charset="big5">')?.encoding).toBe('big5');
  });

  it('finds the declarations of real dev pages', () => {
    // <meta http-equiv="content-type" content="text/html; charset=gb2312"> after a crawler's <text> wrapper.
    expect(findDeclaration(readBytes(`${DEV_DIR}2bac7fb2-efbd-4444-99c8-51c72acf5c7d.html`))?.encoding).toBe('gbk');
    // Only a <script charset="gb2312"> and the crawler's own encoding="utf8" attribute: no declaration.
    expect(findDeclaration(readBytes(`${DEV_DIR}064b591b-3cac-4a08-88d0-41c193a2350d.html`))).toBeUndefined();
    // <meta charset="gb2312"> first, <script charset="utf-8"> later.
    expect(findDeclaration(readBytes(`${DEV_DIR}f70d9c97-9d64-415e-a7e4-840c9258eaf5.html`))?.encoding).toBe('gbk');
  });
});

describe('charsetFromContentType', () => {
  it('extracts the label after charset=', () => {
    expect(charsetFromContentType('text/html; charset=gb2312')).toBe('gb2312');
    expect(charsetFromContentType('text/html; charset="big5"; q=1')).toBe('big5');
    expect(charsetFromContentType('text/html; charsetx; charset=gbk')).toBe('gbk');
    expect(charsetFromContentType('text/html; charset="unclosed')).toBeUndefined();
    expect(charsetFromContentType('text/html')).toBeUndefined();
  });
});
