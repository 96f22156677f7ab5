import { workingHoursFromGraph } from "../../src/taskpane/working-hours";

describe("workingHoursFromGraph", () => {
  test("Graph's shape → the policy's, Windows zone names mapped for Sweden", () => {
    expect(
      workingHoursFromGraph(
        {
          timeZone: "W. Europe Standard Time",
          workingHours: {
            daysOfWeek: ["Monday", "tuesday", "wednesday", "thursday", "friday"],
            startTime: "08:00:00.0000000",
            endTime: "16:30:00.0000000",
            timeZone: { name: "W. Europe Standard Time" },
          },
        },
        "SE",
      ),
    ).toEqual({
      days: ["monday", "tuesday", "wednesday", "thursday", "friday"],
      start: "08:00",
      end: "16:30",
      timeZone: "Europe/Stockholm",
    });
  });

  test("a custom working-hours zone falls back to the mailbox's zone", () => {
    const hours = workingHoursFromGraph({
      timeZone: "Europe/Helsinki",
      workingHours: {
        daysOfWeek: ["monday"],
        startTime: "09:00:00",
        endTime: "17:00:00",
        timeZone: { name: "Customized Time Zone", "@odata.type": "#microsoft.graph.customTimeZone" },
      },
    });
    expect(hours?.timeZone).toBe("Europe/Helsinki");
  });

  test.each([
    ["no working hours", {}],
    [
      "no days",
      {
        workingHours: {
          daysOfWeek: [],
          startTime: "08:00:00",
          endTime: "17:00:00",
          timeZone: { name: "UTC" },
        },
      },
    ],
    [
      "a bad time",
      {
        workingHours: {
          daysOfWeek: ["monday"],
          startTime: "8",
          endTime: "17:00:00",
          timeZone: { name: "UTC" },
        },
      },
    ],
    [
      "end before start",
      {
        workingHours: {
          daysOfWeek: ["monday"],
          startTime: "17:00:00",
          endTime: "08:00:00",
          timeZone: { name: "UTC" },
        },
      },
    ],
    [
      "an unknown zone",
      {
        timeZone: "Mars Standard Time",
        workingHours: {
          daysOfWeek: ["monday"],
          startTime: "08:00:00",
          endTime: "17:00:00",
          timeZone: { name: "Mars Standard Time" },
        },
      },
    ],
  ])("%s → undefined (the configuration's hours apply)", (_what, settings) => {
    expect(workingHoursFromGraph(settings)).toBeUndefined();
  });
});
