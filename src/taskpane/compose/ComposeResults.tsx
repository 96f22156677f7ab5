import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import type { Language, Strings } from "../../i18n";
import type { DraftAnalysis } from "../../policy/analyze";
import type { Finding } from "../../policy/findings";
import { sourceRangeOf } from "../../policy/text/source-range";
import { areaStatuses } from "./areas";
import { FindingItem } from "./FindingItem";
import { findingKeys, fixKindOf } from "./fix-kinds";
import { StatusRow } from "./StatusRow";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  headingRow: { display: "flex", alignItems: "center", justifyContent: "space-between" },
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

export interface Notice {
  readonly intent: "success" | "error" | "info" | "warning";
  readonly text: string;
}

export interface ComposeResultsProps {
  readonly strings: Strings;
  readonly language: Language;
  /** The latest analysis; undefined until the first one is ready. */
  readonly analysis: DraftAnalysis | undefined;
  /** The result of the last fix, or a read failure. */
  readonly notice?: Notice | undefined;
  /** Where the signature's details come from, when not the directory. */
  readonly profileNote?: string | undefined;
  /** A fix is being written. */
  readonly fixing: boolean;
  /** "Kontrollera nu" was pressed and its check has not finished. */
  readonly checking: boolean;
  /** Called with the analysis the finding came from (what the user saw). */
  readonly onFix: (analysis: DraftAnalysis, finding: Finding, replacement?: string) => void;
  readonly onCheckNow: () => void;
}

/** The compose pane's content for a given analysis; no effects, so it renders on the server. */
export function ComposeResults(props: ComposeResultsProps) {
  const { strings, language, analysis, notice, profileNote, fixing, checking, onFix, onCheckNow } = props;
  const styles = useStyles();
  const overviewId = useId();
  const findingsId = useId();
  const c = strings.compose;
  const findings = analysis?.findings ?? [];
  const keys = findingKeys(findings);
  return (
    <div className={styles.root}>
      <div role="status" aria-live="polite">
        {notice ? (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {profileNote ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{profileNote}</MessageBarBody>
        </MessageBar>
      ) : null}
      <section className={styles.section} aria-labelledby={overviewId}>
        <div className={styles.headingRow}>
          <Text as="h2" weight="semibold" id={overviewId} className={styles.heading}>
            {c.overviewTitle}
          </Text>
          <Button appearance="secondary" size="small" onClick={onCheckNow} disabled={checking}>
            {checking ? c.checking : c.checkNow}
          </Button>
        </div>
        {analysis ? (
          <StatusRow
            strings={strings}
            statuses={areaStatuses(analysis, strings, language)}
            labelId={overviewId}
          />
        ) : (
          <Spinner size="tiny" label={c.checking} />
        )}
      </section>
      {analysis ? (
        <section className={styles.section} aria-labelledby={findingsId}>
          <Text as="h2" weight="semibold" id={findingsId} className={styles.heading}>
            {c.findingsTitle(findings.length)}
          </Text>
          {findings.length === 0 ? (
            <Text>{c.noFindings}</Text>
          ) : (
            <div role="list" className={styles.list} aria-labelledby={findingsId}>
              {findings.map((finding, index) => {
                const fix = fixKindOf(finding);
                const replaceable = fix !== "replace" || sourceRangeOf(analysis.text, finding) !== undefined;
                return (
                  <FindingItem
                    key={keys[index]}
                    strings={strings}
                    language={language}
                    finding={finding}
                    fix={fix}
                    replaceable={replaceable}
                    busy={fixing}
                    onFix={(f, replacement) => onFix(analysis, f, replacement)}
                  />
                );
              })}
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
}
