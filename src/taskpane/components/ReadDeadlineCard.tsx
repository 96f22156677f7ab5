import {
  Body1,
  Caption1,
  Card,
  CardHeader,
  makeStyles,
  Subtitle1,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect } from "react";
import { formatDayAndTime } from "../../i18n";
import type { Language, Strings } from "../../i18n";
import type { ReplyDeadline } from "../../policy/calendar/deadline";
import { markFirstRender } from "../first-render";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  deadline: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  overdue: { color: tokens.colorPaletteRedForeground1 },
});

export interface ReadDeadlineCardProps {
  readonly strings: Strings;
  readonly language: Language;
  readonly deadline: ReplyDeadline;
  readonly workingDays: number;
  readonly organisation: string;
  readonly timeZone: string;
  readonly now: Date;
}

export function ReadDeadlineCard(props: ReadDeadlineCardProps) {
  const { strings, language, deadline, workingDays, organisation, timeZone, now } = props;
  const styles = useStyles();
  // The read view's first real content is on screen (the bench measures this mark).
  useEffect(() => markFirstRender(), []);
  const due = formatDayAndTime(deadline.due, language, timeZone, now);
  const received = formatDayAndTime(deadline.received, language, timeZone, now);
  const overdue = now.getTime() > deadline.due.getTime();
  return (
    <Card aria-label={strings.read.title}>
      <CardHeader header={<Text weight="semibold">{strings.read.title}</Text>} />
      <div className={styles.body}>
        <Subtitle1 as="p" className={styles.deadline}>
          {strings.read.replyBy(due)}
        </Subtitle1>
        <Body1>{strings.read.policyNote(workingDays, organisation)}</Body1>
        <Caption1 className={styles.muted}>{strings.read.received(received)}</Caption1>
        {overdue ? <Body1 className={styles.overdue}>{strings.read.overdue}</Body1> : null}
      </div>
    </Card>
  );
}
