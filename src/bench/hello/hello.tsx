// The baseline of the task pane's first-render budget: a bare React 19 + Fluent UI v9 page with a
// handful of components, built and measured the same way as the pane.
import { Button, Card, FluentProvider, Text, Title3, webLightTheme } from "@fluentui/react-components";
import { useEffect } from "react";
import { createRoot } from "react-dom/client";

function Hello() {
  useEffect(() => {
    performance.mark("bemotande:first-render");
  }, []);
  return (
    <FluentProvider theme={webLightTheme}>
      <Card>
        <Title3>Hej</Title3>
        <Text>Hej världen – en tom sida med React och Fluent UI.</Text>
        <Button appearance="primary">Knapp</Button>
      </Card>
    </FluentProvider>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<Hello />);
