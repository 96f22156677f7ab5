import { Badge, Body1, Button, Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import { memo } from "react";
import type { AreaLevel, Language, PolicyId, Strings } from "../../i18n";
import type { Finding } from "../../policy/findings";
import { areaOf } from "./areas";
import type { FixKind } from "./fix-kinds";
import { LevelIcon } from "./LevelIcon";
import { BADGE_COLOR } from "./StatusRow";

// A card drawn with tokens rather than Fluent's Card: a finding is not interactive as a whole,
// and Card's focus management (tabster) would be most of the compose view's first download.
const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow4,
    // Invisible normally; forced colours (high contrast) draw it, where the shadow disappears.
    border: `${tokens.strokeWidthThin} solid transparent`,
  },
  top: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  message: { margin: 0 },
  policy: { color: tokens.colorNeutralForeground2, margin: 0 },
  quote: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    overflowWrap: "anywhere",
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground2 },
});

const QUOTE_LIMIT = 140;

function quoted(text: string): string {
  const oneLine = text.replace(/\s+/gu, " ").trim();
  return oneLine.length > QUOTE_LIMIT ? `${oneLine.slice(0, QUOTE_LIMIT - 1)}…` : oneLine;
}

function levelOfSeverity(finding: Finding): AreaLevel {
  return finding.severity === "error" ? "error" : finding.severity === "warning" ? "warning" : "ok";
}

function isKnownPolicy(strings: Strings, id: string): id is PolicyId {
  return Object.prototype.hasOwnProperty.call(strings.compose.policyText, id);
}

export interface FindingItemProps {
  readonly strings: Strings;
  readonly language: Language;
  readonly finding: Finding;
  readonly fix: FixKind | undefined;
  /** False when a replacement cannot be made in place (the word crosses formatting). */
  readonly replaceable: boolean;
  /** A fix is being applied (this one or another): buttons wait. */
  readonly busy: boolean;
  readonly onFix: (finding: Finding, replacement?: string) => void;
}

/** One finding: what the policy asks, the text that triggers it, and the one-click fix if any. */
function FindingCard(props: FindingItemProps) {
  const { strings, language, finding, fix, replaceable, busy, onFix } = props;
  const styles = useStyles();
  const c = strings.compose;
  const level = levelOfSeverity(finding);
  const policy = isKnownPolicy(strings, finding.policy) ? c.policyText[finding.policy] : "";
  const label = `${c.areas[areaOf(finding.rule)]}: ${finding.message[language]}`;
  return (
    <div className={styles.card} role="listitem" aria-label={label} data-rule={finding.rule}>
      <div className={styles.top}>
        <Badge appearance="tint" color={BADGE_COLOR[level]} icon={<LevelIcon level={level} />}>
          {c.areas[areaOf(finding.rule)]}
        </Badge>
      </div>
      <Body1 as="p" className={styles.message}>
        {finding.message[language]}
      </Body1>
      {finding.text.trim() !== "" ? (
        <p className={styles.quote}>
          <Caption1>{c.inText} </Caption1>
          <Text>”{quoted(finding.text)}”</Text>
        </p>
      ) : null}
      <Caption1 as="p" className={styles.policy}>
        {c.policy(finding.policy, policy)}
      </Caption1>
      {fix ? (
        <div className={styles.actions}>
          {fix === "signature" ? (
            <Button appearance="primary" disabled={busy} onClick={() => onFix(finding)}>
              {c.insertSignature}
            </Button>
          ) : null}
          {fix === "follow-up" ? (
            <Button appearance="primary" disabled={busy} onClick={() => onFix(finding)}>
              {c.addFollowUp}
            </Button>
          ) : null}
          {fix === "replace" && !replaceable ? (
            <Caption1 className={styles.note}>{c.fixErrors["not-in-place"]}</Caption1>
          ) : null}
          {fix === "replace" && replaceable
            ? // One button per alternative: the choice and the fix are one click.
              finding.suggestions.map((suggestion, i) => (
                <Button
                  key={suggestion}
                  appearance={i === 0 ? "primary" : "secondary"}
                  disabled={busy}
                  onClick={() => onFix(finding, suggestion)}
                >
                  {c.replaceWith(suggestion)}
                </Button>
              ))
            : null}
        </div>
      ) : null}
    </div>
  );
}

/** The same finding as far as the card shows it (offsets move as the author writes above it). */
function sameContent(a: Finding, b: Finding): boolean {
  return (
    a === b ||
    (a.rule === b.rule &&
      a.severity === b.severity &&
      a.policy === b.policy &&
      a.text === b.text &&
      a.message.sv === b.message.sv &&
      a.message.en === b.message.en &&
      a.suggestions.length === b.suggestions.length &&
      a.suggestions.every((suggestion, i) => suggestion === b.suggestions[i]))
  );
}

/**
 * A card is rendered again only when what it shows changed: every analysis of a long draft
 * brings hundreds of new Finding objects, nearly all of them the same as before. A card that is
 * kept also keeps its onFix, bound to the analysis it was first shown with; that is safe because
 * a fix always checks the finding against the draft as it is now (ComposePane's onFix).
 */
export const FindingItem = memo(
  FindingCard,
  (before, after) =>
    before.strings === after.strings &&
    before.language === after.language &&
    before.fix === after.fix &&
    before.replaceable === after.replaceable &&
    before.busy === after.busy &&
    sameContent(before.finding, after.finding),
);
