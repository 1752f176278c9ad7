// The widget's built files the server serves: the browser bundle, never the SSR-safe module.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locateWidgetAssets } from './widget-files.js';

describe('locateWidgetAssets', () => {
  it('finds the self-contained bundle and the return script of the installed widget', () => {
    const { bundle, returnScript } = locateWidgetAssets();
    expect(bundle).toMatch(/digilocker-kyc\.bundle\.js$/);
    expect(returnScript).toMatch(/return\.js$/);
    // Self-contained: no import of another chunk (it is served alone at /kyc/widget.js).
    expect(readFileSync(bundle!, 'utf8')).not.toMatch(/from\s*["']\.\/chunks\//);
  });
});
