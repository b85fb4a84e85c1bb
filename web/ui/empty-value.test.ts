/**
 * A field with nothing recorded shows "—" (EmptyValue), never "Không có": "Kinh phí: Không có"
 * read as "no funds". The check reads the web app's source and finds `common.none` put in the
 * place of a missing value (`x ?? t('common.none')`, `x ? … : t('common.none')`); "Không có" stays
 * only where a list is empty.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { EMPTY_VALUE } from './empty-value';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [full] : [];
  });
}

const isNoneCall = (node: ts.Node) =>
  ts.isCallExpression(node) && node.arguments[0] !== undefined && ts.isStringLiteral(node.arguments[0]) && node.arguments[0].text === 'common.none';

/** `t('common.none')` standing for a missing value: the right of `??` / `||`, or a branch of a conditional. */
export function noneAsValue(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (isNoneCall(node)) {
      let up = node.parent;
      while (ts.isParenthesizedExpression(up)) up = up.parent;
      const fallback =
        (ts.isBinaryExpression(up) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(up.operatorToken.kind)) || ts.isConditionalExpression(up);
      if (fallback) out.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('empty values', () => {
  it('are a dash', () => {
    expect(EMPTY_VALUE).toBe('—');
  });

  it('the check finds "Không có" standing for a missing value', () => {
    const source = `const a = e.money ?? t('common.none'); const b = e.land ? n(e.land) : (t('common.none')); const c = <p>{t('common.none')}</p>;`;
    expect(noneAsValue('x.tsx', source)).toEqual(['x.tsx:1', 'x.tsx:1']);
  });

  it('no page shows "Không có" for a field with nothing recorded', () => {
    const webDir = path.dirname(import.meta.dirname);
    const files = sourceFiles(webDir);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => noneAsValue(path.relative(webDir, file), readFileSync(file, 'utf8')))).toEqual([]);
  });
});
