// The UI talks to this interface, never to `invoke`: the Tauri implementation is the generated
// bindings themselves, the mock keeps everything in memory for browser tests. Its command
// methods are typed from the bindings, so the two can never drift apart.
import type { commands } from './bindings';

export type {
  AppError,
  Attendance,
  AttendanceInput,
  AttendanceStatus,
  BackupSummary,
  Calendar,
  CalendarChoice,
  CalendarEvent,
  CalendarExport,
  Card,
  CardField,
  CardFieldInput,
  CardFieldKind,
  Contact,
  ContactFilter,
  ContactInput,
  CreateRequest,
  CreatedVault,
  DueReminder,
  DuplicateReason,
  Entry,
  EntryInput,
  EntryKind,
  LockReason,
  Erased,
  EventOverride,
  FacilitationEntry,
  FacilitationInput,
  FacilitationRole,
  Language,
  Pathway,
  PathwayStep,
  PathwayStepState,
  PathwayTick,
  TickedBy,
  ExceptionKind,
  Feed,
  FeedChoice,
  FeedMeeting,
  FollowedEvent,
  Group,
  GroupChanges,
  ImportChoice,
  ImportedCard,
  Insights,
  InsightsQuery,
  JournalFormat,
  KnownNorm,
  Labelled,
  LikelyDuplicate,
  LinkKind,
  LogEntry,
  Meeting,
  MeetingType,
  MembershipEventKind,
  Milestone,
  MyCard,
  MyCardInput,
  MyRole,
  NewGroup,
  NewMeeting,
  NewProtectorRequest,
  Occurrence,
  Photo,
  PlainExport,
  Preferences,
  PresetInput,
  Problem,
  ProtectorKind,
  RecoverRequest,
  Relation,
  ReminderRule,
  ReminderSettings,
  RoleHeld,
  RuleInput,
  RuleKind,
  SearchFilters,
  SearchHit,
  SessionState,
  Share,
  ShareMethod,
  SharePreset,
  ShareRequest,
  ShareSubject,
  Shared,
  SharedField,
  SnoozeFor,
  SupportLine,
  Template,
  TemplateInput,
  UnlockRequest,
  Venue,
} from './bindings';

import type { AppError, LockReason } from './bindings';

export type Outcome<T> = { status: 'ok'; data: T } | { status: 'error'; error: AppError };

export type Unlisten = () => void;

export type Commands = typeof commands;

export interface Backend extends Commands {
  /** The shell asks for a lock (window closed, tray, quick hide): save pending edits, then lock. */
  onLockRequested(handler: (reason: LockReason) => void): Promise<Unlisten>;
  /** The vault was locked by the shell: show the unlock screen. */
  onVaultLocked(handler: () => void): Promise<Unlisten>;
}
