import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ErrorKey, Strings } from "../../i18n";

export interface ErrorNoticeProps {
  readonly strings: Strings;
  readonly errorKey: ErrorKey;
}

export function ErrorNotice({ strings, errorKey }: ErrorNoticeProps) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>
        {strings.errors[errorKey]}
      </MessageBarBody>
    </MessageBar>
  );
}
