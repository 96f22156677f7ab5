import { Body1, Caption1, Card, CardHeader, makeStyles, Text, tokens } from "@fluentui/react-components";
import { SIGNATURE_FIELDS } from "../../i18n";
import type { Strings } from "../../i18n";
import type { UserIdentity } from "../../office/mailbox";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export interface ComposeCardProps {
  readonly strings: Strings;
  readonly user: UserIdentity;
  readonly organisation: string;
}

/** Compose mode: who is writing, and what policy P6 requires of the signature. */
export function ComposeCard({ strings, user, organisation }: ComposeCardProps) {
  const styles = useStyles();
  const name = user.displayName.trim() || strings.compose.unknownUser;
  return (
    <Card>
      <div className={styles.section}>
        <Caption1 className={styles.muted}>{strings.compose.identityTitle}</Caption1>
        <Text weight="semibold">{name}</Text>
        {user.emailAddress ? <Body1>{user.emailAddress}</Body1> : null}
      </div>
      <CardHeader
        header={
          <Text as="h2" weight="semibold" className={styles.heading}>
            {strings.compose.signatureTitle}
          </Text>
        }
      />
      <ul className={styles.list}>
        {SIGNATURE_FIELDS.map((field) => (
          <li key={field}>
            <Body1>{strings.compose.signatureFields[field]}</Body1>
          </li>
        ))}
      </ul>
      <Caption1 className={styles.muted}>{strings.compose.signatureNote(organisation)}</Caption1>
    </Card>
  );
}
