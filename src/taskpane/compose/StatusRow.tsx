import { Badge, Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useEffect } from "react";
import type { AreaLevel, Strings } from "../../i18n";
import { markFirstRender } from "../first-render";
import type { AreaStatus } from "./areas";
import { LevelIcon } from "./LevelIcon";

const useStyles = makeStyles({
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  row: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  names: { display: "flex", flexDirection: "column", minWidth: 0 },
  summary: { color: tokens.colorNeutralForeground2 },
});

export const BADGE_COLOR: Readonly<Record<AreaLevel, "success" | "warning" | "danger">> = {
  ok: "success",
  warning: "warning",
  error: "danger",
};

export interface StatusRowProps {
  readonly strings: Strings;
  readonly statuses: readonly AreaStatus[];
  readonly labelId: string;
}

/** One compact line per area: its name, a short summary, and an ok / warning / error badge. */
export function StatusRow({ strings, statuses, labelId }: StatusRowProps) {
  const styles = useStyles();
  // The compose view's first real content is on screen (the bench measures this mark).
  useEffect(() => markFirstRender(), []);
  return (
    <ul className={styles.list} aria-labelledby={labelId}>
      {statuses.map((status) => (
        <li key={status.area} className={styles.row} data-area={status.area} data-level={status.level}>
          <span className={styles.names}>
            <Text weight="semibold">{strings.compose.areas[status.area]}</Text>
            <Caption1 className={styles.summary}>{status.summary}</Caption1>
          </span>
          <Badge
            appearance="tint"
            shape="rounded"
            color={BADGE_COLOR[status.level]}
            icon={<LevelIcon level={status.level} />}
          >
            {strings.compose.levels[status.level]}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
