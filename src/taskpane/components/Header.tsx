import { Caption1, makeStyles, Title3, tokens } from "@fluentui/react-components";
import type { Strings } from "../../i18n";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tagline: { color: tokens.colorNeutralForeground3 },
});

export interface HeaderProps {
  readonly strings: Strings;
  readonly organisation: string;
}

export function Header({ strings, organisation }: HeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Title3 as="h1">{strings.appName}</Title3>
      <Caption1 className={styles.tagline}>{strings.tagline(organisation)}</Caption1>
    </header>
  );
}
