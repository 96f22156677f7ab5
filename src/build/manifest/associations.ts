// Finds Office.actions.associate("name", handler) registrations in TypeScript sources. Uses the
// TypeScript parser rather than a regex so commented-out or quoted calls don't count.
import ts from "typescript";

export interface AssociateScan {
  /** Names registered with a string-literal first argument. */
  names: string[];
  /** 1-based lines of associate calls whose name is not a literal (cannot be checked). */
  dynamicLines: number[];
}

function isAssociateCallee(expr: ts.Expression): boolean {
  // Matches Office.actions.associate and anything.actions.associate (e.g. window.Office...).
  return (
    ts.isPropertyAccessExpression(expr) &&
    expr.name.text === "associate" &&
    ts.isPropertyAccessExpression(expr.expression) &&
    expr.expression.name.text === "actions"
  );
}

export function scanAssociations(fileName: string, text: string): AssociateScan {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names: string[] = [];
  const dynamicLines: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isAssociateCallee(node.expression)) {
      const first = node.arguments[0];
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
        names.push(first.text);
      } else {
        dynamicLines.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { names, dynamicLines };
}
