// Deterministic seeded data: NVK's directory and about four weeks of Swedish mail per mailbox,
// relative to `now`. Same seed and same `now` → byte-identical data.
import { replyDeadline } from "../../policy/calendar";
import type { Question } from "./data/mail-text";
import {
  autoReplyTexts,
  internalNotes,
  jargonAnswers,
  meetingResponses,
  meetingSubjects,
  newsletters,
  questions,
} from "./data/mail-text";
import { asciiFold, externalDomains, givenNames, kansliet, offices, surnames, units } from "./data/names";
import { FORWARD_PREFIX, htmlDocument, prefixed, quoteOriginal, REPLY_PREFIX, threadOf } from "./mail";
import type { EmailAddress, StoredMessage, StoredUser, UserRole } from "./model";
import { graphTime } from "./model";
import { Prng } from "./prng";
import { defaultMailboxSettings } from "./settings";
import type { EmulatorState } from "./state";
import { DOMAIN } from "./state";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WORKING_HOURS = {
  days: ["monday", "tuesday", "wednesday", "thursday", "friday"] as const,
  start: "08:00",
  end: "17:00",
  timeZone: "Europe/Stockholm",
};

const deadlineOf = (received: Date): Date =>
  replyDeadline(received, { workingDays: 2, workingHours: WORKING_HOURS }).due;

export function seedDirectory(state: EmulatorState, rng: Prng, now: Date): void {
  const usedNames = new Set<string>();
  const usedUpns = new Set<string>();
  let deskPhone = 0;
  let mobile = 5;

  const person = (): { given: string; surname: string } => {
    for (;;) {
      const given = rng.pick(givenNames);
      const surname = rng.pick(surnames);
      if (!usedNames.has(`${given} ${surname}`)) {
        usedNames.add(`${given} ${surname}`);
        return { given, surname };
      }
    }
  };

  const makeUser = (
    department: string,
    jobTitle: string,
    role: UserRole,
    managerId: string | null,
  ): StoredUser => {
    const { given, surname } = person();
    let upnBase = `${asciiFold(given)}.${asciiFold(surname)}`;
    if (usedUpns.has(upnBase)) upnBase += String(usedUpns.size);
    usedUpns.add(upnBase);
    const office = rng.chance(0.8) ? offices[0] : offices[1];
    const desk = `${office.phonePrefix}${String(deskPhone++ % 100).padStart(2, "0")}`;
    const mobileNumber = `070-174 06 ${String(mobile++ % 100).padStart(2, "0")}`;
    const user: StoredUser = {
      id: rng.guid(),
      userPrincipalName: `${upnBase}@${DOMAIN}`,
      mail: `${upnBase}@${DOMAIN}`,
      mailNickname: upnBase,
      displayName: `${given} ${surname}`,
      givenName: given,
      surname,
      jobTitle,
      department,
      officeLocation: office.officeLocation,
      city: office.city,
      businessPhones: [desk],
      mobilePhone: rng.chance(0.7) ? mobileNumber : null,
      managerId,
      role,
    };
    state.addUser(user, {
      settings: defaultMailboxSettings(now),
      presence: { availability: "Available", activity: "Available", statusMessage: null },
      autoRepliedTo: new Set(),
    });
    return user;
  };

  const head = makeUser(kansliet.name, kansliet.managerTitle, "manager", null);
  const unitManagers: StoredUser[] = [];
  for (const unit of units) {
    const manager = makeUser(unit.name, unit.managerTitle, "manager", head.id);
    unitManagers.push(manager);
    const count = rng.int(unit.staff[0], unit.staff[1]);
    for (let i = 0; i < count; i++)
      makeUser(unit.name, unit.titles[i % unit.titles.length] as string, "staff", manager.id);
  }
  for (const title of kansliet.titles) makeUser(kansliet.name, title, "staff", head.id);

  // A few incomplete profiles (no phone, or no title) to sign in as; never the first staff member.
  const staff = state.users.filter((u) => u.role === "staff");
  const incomplete = rng.shuffle(staff.slice(1)).slice(0, 3);
  incomplete.forEach((user, i) => {
    user.role = "incomplete-profile";
    if (i !== 1) {
      user.businessPhones = [];
      user.mobilePhone = null;
    }
    if (i !== 0) user.jobTitle = null;
    if (i === 2) user.department = null;
  });

  // Seeded presence: mostly available, a few busy or away.
  const availabilities = [
    ["Available", "Available"],
    ["Available", "Available"],
    ["Busy", "InACall"],
    ["Busy", "InAMeeting"],
    ["Away", "Away"],
    ["BeRightBack", "BeRightBack"],
    ["DoNotDisturb", "Presenting"],
    ["Offline", "OffWork"],
  ] as const;
  for (const user of state.users) {
    const [availability, activity] = rng.pick(availabilities);
    state.mailbox(user.id).presence = { availability, activity, statusMessage: null };
  }

  // Automatic replies: one staff member on parental leave (scheduled), one away all the time.
  const others = staff.filter((u) => u !== staff[0]);
  const onLeave = rng.pick(others);
  const leave = state.mailbox(onLeave.id).settings.automaticReplies;
  leave.status = "scheduled";
  leave.scheduledStart = new Date(Math.floor((now.getTime() - 10 * DAY) / DAY) * DAY + 7 * HOUR);
  leave.scheduledEnd = new Date(Math.floor((now.getTime() + 30 * DAY) / DAY) * DAY + 7 * HOUR);
  leave.internalReplyMessage = autoReplyTexts[1] as string;
  leave.externalReplyMessage = autoReplyTexts[1] as string;
  leave.externalAudience = "all";
  const always = rng.pick(others.filter((u) => u !== onLeave));
  const away = state.mailbox(always.id).settings.automaticReplies;
  away.status = "alwaysEnabled";
  away.internalReplyMessage = autoReplyTexts[2] as string;
  away.externalReplyMessage = autoReplyTexts[2] as string;
  away.externalAudience = "contactsOnly";
  state.mailbox(always.id).presence = { availability: "Away", activity: "OutOfOffice", statusMessage: null };
  void unitManagers;
}

interface External {
  name: string;
  address: string;
  given: string;
}

function externalPerson(rng: Prng): External {
  const given = rng.pick(givenNames);
  const surname = rng.pick(surnames);
  const style = rng.int(0, 2);
  const local =
    style === 0
      ? `${asciiFold(given)}.${asciiFold(surname)}`
      : style === 1
        ? `${asciiFold(given)}${asciiFold(surname).slice(0, 3)}${rng.int(60, 99)}`
        : `${asciiFold(given).slice(0, 1)}${asciiFold(surname)}`;
  return { name: `${given} ${surname}`, address: `${local}@${rng.pick(externalDomains)}`, given };
}

const addr = (name: string, address: string): EmailAddress => ({ emailAddress: { name, address } });

function signature(user: StoredUser): string {
  const lines = [user.displayName];
  if (user.jobTitle) lines.push(user.department ? `${user.jobTitle}, ${user.department}` : user.jobTitle);
  lines.push("NVK");
  if (user.businessPhones[0]) lines.push(`Tel. ${user.businessPhones[0]}`);
  if (user.mobilePhone) lines.push(`Mobil ${user.mobilePhone}`);
  return `<p>Vänliga hälsningar<br>${lines.join("<br>")}</p>`;
}

/** A random instant in the last `days` days; mostly office hours on weekdays (Stockholm ≈ UTC+1/+2). */
function randomReceived(rng: Prng, now: Date, minAgeHours: number, maxAgeDays: number): Date {
  for (let attempt = 0; ; attempt++) {
    const t = new Date(
      now.getTime() - minAgeHours * HOUR - rng.next() * (maxAgeDays * DAY - minAgeHours * HOUR),
    );
    const weekday = t.getUTCDay();
    const hour = t.getUTCHours();
    const office = weekday >= 1 && weekday <= 5 && hour >= 6 && hour <= 16;
    if (office || rng.chance(0.25) || attempt > 20) return new Date(Math.floor(t.getTime() / 1000) * 1000);
  }
}

type Fate = "pending" | "onTime" | "late" | "overdue";

export function seedMail(state: EmulatorState, rng: Prng, now: Date): void {
  const defaultUser = state.users.find((u) => u.role === "staff");
  const finance = state.users.filter((u) => u.department === "Ekonomienheten" && u.role !== "manager");
  const memberQuestions = (questions.member ?? []).filter((q) => !q.body.join(" ").includes("19121212"));
  const personnummerQuestion = (questions.member ?? []).find((q) => q.body.join(" ").includes("19121212"));

  const inbound = (
    owner: StoredUser,
    from: EmailAddress,
    subject: string,
    html: string,
    received: Date,
    extra: Partial<StoredMessage> = {},
  ): StoredMessage =>
    state.create(
      {
        ownerId: owner.id,
        folder: "inbox",
        subject,
        body: { contentType: "html", content: htmlDocument(html) },
        from,
        sender: from,
        toRecipients: [state.address(owner)],
        internetMessageId: state.newInternetMessageId(
          from.emailAddress.address.split("@")[1] ?? "example.se",
        ),
        sentDateTime: graphTime(new Date(received.getTime() - rng.int(5, 90) * 1000)),
        receivedDateTime: graphTime(received),
        isRead: now.getTime() - received.getTime() > DAY ? rng.chance(0.9) : rng.chance(0.3),
        ...extra,
      },
      received,
    );

  /** Internal mail: a copy in the sender's Sent Items and one in each recipient's inbox. */
  const internal = (
    from: StoredUser,
    to: StoredUser[],
    subject: string,
    html: string,
    at: Date,
    thread?: StoredMessage,
  ): StoredMessage[] => {
    const conversation = thread ? threadOf(thread, state) : state.newConversation();
    const internetMessageId = state.newInternetMessageId(DOMAIN);
    const common = {
      subject,
      body: { contentType: "html" as const, content: htmlDocument(html) },
      from: state.address(from),
      sender: state.address(from),
      toRecipients: to.map((u) => state.address(u)),
      ...conversation,
      internetMessageId,
      sentDateTime: graphTime(at),
      receivedDateTime: graphTime(at),
    };
    const sent = state.create({ ownerId: from.id, folder: "sentitems", ...common }, at);
    const copies = to.map((u) =>
      state.create(
        {
          ownerId: u.id,
          folder: "inbox",
          ...common,
          isRead: now.getTime() - at.getTime() > DAY ? rng.chance(0.9) : false,
        },
        at,
      ),
    );
    return [sent, ...copies];
  };

  const reply = (
    owner: StoredUser,
    original: StoredMessage,
    to: EmailAddress,
    html: string,
    at: Date,
  ): StoredMessage => {
    const sent = state.create(
      {
        ownerId: owner.id,
        folder: "sentitems",
        subject: prefixed(REPLY_PREFIX, original.subject),
        body: { contentType: "html", content: htmlDocument(html + quoteOriginal(original)) },
        from: state.address(owner),
        sender: state.address(owner),
        toRecipients: [to],
        ...threadOf(original, state),
        sentDateTime: graphTime(at),
        receivedDateTime: graphTime(at),
      },
      at,
    );
    original.isRead = true;
    state.recordVerb(original, 102, at);
    original.lastModifiedDateTime = graphTime(at);
    return sent;
  };

  for (const owner of state.users) {
    const colleagues = state.users.filter((u) => u.id !== owner.id && u.department === owner.department);
    const manager = owner.managerId ? state.usersById.get(owner.managerId) : undefined;
    const reports = state.users.filter((u) => u.managerId === owner.id);
    const topics = topicsOf(owner);
    const isManager = owner.role === "manager";

    // Questions from members and the public, with every reply fate represented in staff mailboxes.
    const forced: Fate[] = isManager ? [] : ["pending", "overdue", "late", "onTime"];
    const count = isManager ? rng.int(2, 4) : rng.int(7, 11);
    for (let i = 0; i < count; i++) {
      const topic = rng.pick(topics);
      let question: Question =
        topic === "member" ? rng.pick(memberQuestions) : rng.pick(questions[topic] ?? memberQuestions);
      if (owner === defaultUser && i === 1 && personnummerQuestion) question = personnummerQuestion;
      const sender = externalPerson(rng);
      const forcedFate = forced[i];
      const received =
        forcedFate === "pending"
          ? new Date(Math.floor((now.getTime() - rng.int(1, 4) * HOUR) / 1000) * 1000)
          : forcedFate === "overdue"
            ? randomReceived(rng, now, 6 * 24, 12)
            : forcedFate === "late" || forcedFate === "onTime"
              ? randomReceived(rng, now, 10 * 24, 26)
              : randomReceived(rng, now, 1, 28);
      const due = deadlineOf(received);
      let fate: Fate = forcedFate ?? "pending";
      if (!forcedFate) {
        const r = rng.next();
        fate =
          due > now ? (r < 0.6 ? "pending" : "onTime") : r < 0.55 ? "onTime" : r < 0.75 ? "late" : "overdue";
      }
      let replyAt: Date | undefined;
      if (fate === "onTime")
        replyAt = new Date(
          received.getTime() + Math.min(due.getTime() - received.getTime(), DAY) * (0.1 + rng.next() * 0.8),
        );
      if (fate === "late") replyAt = new Date(due.getTime() + rng.int(20, 72) * HOUR);
      if (replyAt && replyAt >= now) {
        replyAt = undefined;
        fate = due > now ? "pending" : "overdue";
      }
      const paragraphs = question.body.map((p) => `<p>${p}</p>`).join("");
      const original = inbound(
        owner,
        addr(sender.name, sender.address),
        question.subject,
        `${paragraphs}<p>${sender.name}</p>`,
        received,
        fate === "pending" || fate === "overdue" ? { isRead: rng.chance(0.5) } : {},
      );
      if (fate === "overdue" && rng.chance(0.4)) original.flag = { flagStatus: "flagged" };
      if (rng.chance(0.12)) original.categories = [rng.pick(["Medlemsärende", "Uppföljning", "Viktigt"])];
      if (!replyAt) continue;
      replyAt = new Date(Math.floor(replyAt.getTime() / 1000) * 1000);

      if (topic === "misdirected" && finance.length > 0) {
        // Misdirected: forwarded to Ekonomienheten instead of answered.
        const ekonom = rng.pick(finance);
        const [forward] = internal(
          owner,
          [ekonom],
          prefixed(FORWARD_PREFIX, original.subject),
          `<p>Hej ${ekonom.givenName}! Den här fakturafrågan kom till mig, kan du ta den?</p>${signature(owner)}${quoteOriginal(original)}`,
          replyAt,
          original,
        );
        void forward;
        state.recordVerb(original, 104, replyAt);
        original.isRead = true;
        continue;
      }
      const answer = rng.chance(0.25)
        ? `<p>Hej,</p><p>${rng.pick(jargonAnswers)}</p>`
        : `<p>Hej ${sender.given}!</p>${question.answer.map((p) => `<p>${p}</p>`).join("")}`;
      reply(owner, original, addr(sender.name, sender.address), `${answer}${signature(owner)}`, replyAt);
      if (rng.chance(0.15)) {
        const at = new Date(replyAt.getTime() + rng.int(30, 300) * 1000);
        if (at < now) {
          inbound(
            owner,
            addr(sender.name, sender.address),
            `Automatiskt svar: ${prefixed(REPLY_PREFIX, question.subject)}`,
            rng.pick(autoReplyTexts),
            at,
            {
              ...threadOf(original, state),
            },
          );
        }
      }
    }

    // Newsletters and notifications from noreply senders.
    for (let i = rng.int(4, 7); i > 0; i--) {
      const letter = rng.pick(newsletters);
      inbound(
        owner,
        addr(letter.name, letter.address),
        letter.subject,
        letter.body,
        randomReceived(rng, now, 2, 28),
        {
          inferenceClassification: "other",
          isRead: rng.chance(0.6),
        },
      );
    }

    // Internal notes from the manager or colleagues, some answered.
    const writers = [...(manager ? [manager] : []), ...colleagues];
    for (let i = rng.int(2, 4); i > 0 && writers.length > 0; i--) {
      const writer = rng.pick(writers);
      const note = rng.pick(internalNotes);
      const at = randomReceived(rng, now, 3, 27);
      const [, copy] = internal(writer, [owner], note.subject, `${note.body}${signature(writer)}`, at);
      if (copy && rng.chance(0.5)) {
        const replyAt = new Date(at.getTime() + rng.int(1, 20) * HOUR);
        if (replyAt < now) {
          internal(
            owner,
            [writer],
            prefixed(REPLY_PREFIX, note.subject),
            `<p>Hej ${writer.givenName}! Det ordnar jag.</p>${signature(owner)}${quoteOriginal(copy)}`,
            replyAt,
            copy,
          );
          state.recordVerb(copy, 102, replyAt);
          copy.isRead = true;
        }
      }
    }

    // Meeting responses: managers get them from their reports.
    const responders = isManager ? reports : colleagues.slice(0, 2);
    for (let i = isManager ? rng.int(3, 6) : rng.int(0, 2); i > 0 && responders.length > 0; i--) {
      const responder = rng.pick(responders);
      const response = rng.pick(meetingResponses);
      const subject = `${response.prefix}: ${rng.pick(meetingSubjects)}`;
      inbound(owner, state.address(responder), subject, response.text, randomReceived(rng, now, 2, 28), {
        internetMessageId: state.newInternetMessageId(DOMAIN),
      });
    }
  }
}

function topicsOf(user: StoredUser): readonly string[] {
  const unit = units.find((u) => u.name === user.department);
  return unit?.topics ?? kansliet.topics;
}

export function seedWorld(state: EmulatorState, seed: number, now: Date): void {
  const rng = new Prng(seed);
  seedDirectory(state, rng, now);
  seedMail(state, rng, now);
}
