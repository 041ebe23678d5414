//! One call into the library, guarded: panics are caught, time is measured, and the answer is
//! checked the way the JS boundary relies on (an object answer, an error with a code and a
//! pointer path). And one case: the calls made from one seeded input.

use crate::gen;
use crate::j::{from_value, J};
use crate::mutate::{junk, mutate, mutate_text, pointer, special_string};
use crate::rng::Rng;
use commit_editor::api::{self, ApiError};
use commit_editor::json::{self, parse_pointer, ParseError, Value};
use commit_editor::session::Session;
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// A call that takes longer than this (CPU time of its thread) is a hang. The slowest legitimate
/// call (reading 32 MiB) takes about 0.8 s on these machines; the margin keeps a loaded machine
/// from failing a run on timing, while a quadratic step (seconds to minutes) is still caught.
pub const HANG: Duration = Duration::from_secs(5);
/// One case in this many may build huge inputs: lists beyond the item limit, 1 MB strings,
/// nesting 100,000 deep.
pub const HEAVY: u64 = 100;
/// One case in this many also plans and edits a valid commit of 1,000 to 50,001 items.
pub const BIG: u64 = 2000;
/// Largest input text built (the library refuses more than 32 MiB).
const MAX_TEXT: usize = 40 << 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fun {
    PlanEdit,
    ApplyEdit,
    PlanCreate,
    PlanEndDate,
    PlanDisableTrueup,
    GenerateSchedule,
    Object,
    Any,
}

impl Fun {
    pub const ALL: &'static [Fun] = &[
        Fun::PlanEdit,
        Fun::ApplyEdit,
        Fun::PlanCreate,
        Fun::PlanEndDate,
        Fun::PlanDisableTrueup,
        Fun::GenerateSchedule,
        Fun::Object,
        Fun::Any,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Fun::PlanEdit => "plan_edit",
            Fun::ApplyEdit => "apply_edit",
            Fun::PlanCreate => "plan_create",
            Fun::PlanEndDate => "plan_end_date",
            Fun::PlanDisableTrueup => "plan_disable_trueup",
            Fun::GenerateSchedule => "generate_schedule",
            Fun::Object => "object",
            Fun::Any => "any",
        }
    }

    pub fn from_name(s: &str) -> Option<Fun> {
        Fun::ALL.iter().copied().find(|f| {
            f.name() == s
                || match f {
                    Fun::PlanEdit => s == "planEdit",
                    Fun::ApplyEdit => s == "applyEdit",
                    Fun::PlanCreate => s == "planCreate",
                    Fun::PlanEndDate => s == "planEndDate",
                    Fun::PlanDisableTrueup => s == "planDisableTrueup",
                    Fun::GenerateSchedule => s == "generateSchedule",
                    _ => false,
                }
        })
    }
}

/// One step of an editing session, with its arguments as the JS boundary hands them over
/// (values as JSON text; `None` is `undefined`).
#[derive(Clone, Debug)]
pub enum Op {
    Set(String, Option<String>),
    AddItem(String, String),
    RemoveItem(String),
    ReplaceDraft(String),
    SetContext(String),
    Undo,
    Redo,
    Plan,
    Preview,
    Draft,
}

impl Op {
    pub fn name(&self) -> &'static str {
        match self {
            Op::Set(..) => "Session::set",
            Op::AddItem(..) => "Session::add_item",
            Op::RemoveItem(..) => "Session::remove_item",
            Op::ReplaceDraft(..) => "Session::replace_draft",
            Op::SetContext(..) => "Session::set_context",
            Op::Undo => "Session::undo",
            Op::Redo => "Session::redo",
            Op::Plan => "Session::plan",
            Op::Preview => "Session::preview",
            Op::Draft => "Session::draft",
        }
    }
}

#[derive(Clone, Debug)]
pub enum Call {
    Api(Fun, Vec<Option<String>>),
    Session {
        original: String,
        context: String,
        ops: Vec<Op>,
    },
}

#[derive(Clone, Debug)]
pub struct Failure {
    pub function: String,
    /// `panic`, `hang` or `invariant`.
    pub kind: &'static str,
    pub message: String,
    pub cpu: Duration,
    pub call: Call,
}

// ---------------------------------------------------------------------------------------------
// Guarding one call
// ---------------------------------------------------------------------------------------------

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
    static SLOT: RefCell<Option<Arc<Slot>>> = const { RefCell::new(None) };
    static SLOWEST: RefCell<(Duration, String, u64)> = const { RefCell::new((Duration::ZERO, String::new(), 0)) };
    /// Issue codes seen in answers: how much of the rules the inputs reach.
    static CODES: RefCell<std::collections::BTreeSet<String>> = const { RefCell::new(std::collections::BTreeSet::new()) };
}

/// The slowest call this thread has made: CPU time, function, case.
pub fn slowest() -> (Duration, String, u64) {
    SLOWEST.with(|c| c.borrow().clone())
}

/// The issue codes this thread has seen in answers.
pub fn codes_seen() -> std::collections::BTreeSet<String> {
    CODES.with(|c| c.borrow().clone())
}

/// What a worker thread is doing, for the watchdog (a call that never returns) and the
/// supervisor (a process that died).
#[derive(Default)]
pub struct Slot {
    /// The case in progress, `u64::MAX` when idle.
    pub case: AtomicU64,
    /// When the current call started (ms since the process started), 0 when none is running.
    pub call_started: AtomicU64,
}

pub fn set_slot(slot: Arc<Slot>) {
    SLOT.with(|s| *s.borrow_mut() = Some(slot));
}

pub fn clock() -> &'static Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now)
}

/// Where to write each call before it runs (set when reproducing a crash: what is left behind
/// after the process dies is the call that killed it).
pub static PENDING: OnceLock<std::path::PathBuf> = OnceLock::new();
pub static PENDING_META: OnceLock<(u64, u64)> = OnceLock::new();

/// Panics are caught by `catch_unwind`; the hook only keeps the message and where it was raised.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info.to_string();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(msg));
    }));
}

/// `FUZZ_TRACE=1` prints every call with its CPU time (for `--case K`).
fn trace() -> bool {
    static T: OnceLock<bool> = OnceLock::new();
    *T.get_or_init(|| std::env::var_os("FUZZ_TRACE").is_some_and(|v| v == "1"))
}

fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec it is given.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Runs `f` (a call into the library) with panics caught and time measured. `f` answers `Err`
/// when an invariant of the answer does not hold. `call` rebuilds the input for the artifact.
pub fn guard<T>(
    function: &str,
    call: impl Fn() -> Call,
    f: impl FnOnce() -> Result<T, String>,
) -> Result<T, Failure> {
    if let Some(path) = PENDING.get() {
        let (seed, case) = PENDING_META.get().copied().unwrap_or_default();
        let f = Failure {
            function: function.to_owned(),
            kind: "crash",
            message: "the process died in this call (stack overflow, abort or hang)".into(),
            cpu: Duration::ZERO,
            call: call(),
        };
        let _ = std::fs::write(path, crate::artifact::render(seed, case, &f));
    }
    SLOT.with(|s| {
        if let Some(s) = s.borrow().as_ref() {
            let ms = clock().elapsed().as_millis() as u64;
            s.call_started.store(ms.max(1), Ordering::Relaxed);
        }
    });
    let cpu0 = thread_cpu();
    let result = catch_unwind(AssertUnwindSafe(f));
    let cpu = thread_cpu().saturating_sub(cpu0);
    if trace() {
        eprintln!("trace: {function}: {:.1} ms CPU", cpu.as_secs_f64() * 1e3);
    }
    SLOWEST.with(|w| {
        let mut w = w.borrow_mut();
        if cpu > w.0 {
            let case = SLOT.with(|s| {
                s.borrow()
                    .as_ref()
                    .map_or(0, |s| s.case.load(Ordering::Relaxed))
            });
            *w = (cpu, function.to_owned(), case);
        }
    });
    if let Some(path) = PENDING.get() {
        // The call returned: if the process dies now, it was not in a call.
        let _ = std::fs::remove_file(path);
    }
    SLOT.with(|s| {
        if let Some(s) = s.borrow().as_ref() {
            s.call_started.store(0, Ordering::Relaxed);
        }
    });
    let fail = |kind, message| Failure {
        function: function.to_owned(),
        kind,
        message,
        cpu,
        call: call(),
    };
    match result {
        Err(_) => {
            let msg = LAST_PANIC
                .with(|p| p.borrow_mut().take())
                .unwrap_or_else(|| "panic without a message".into());
            Err(fail("panic", msg))
        }
        Ok(Err(msg)) => Err(fail("invariant", msg)),
        Ok(Ok(_)) if cpu > HANG => Err(fail(
            "hang",
            format!(
                "took {:.2} s of CPU time (limit {} s)",
                cpu.as_secs_f64(),
                HANG.as_secs()
            ),
        )),
        Ok(Ok(t)) => Ok(t),
    }
}

// ---------------------------------------------------------------------------------------------
// Checking answers
// ---------------------------------------------------------------------------------------------

fn valid_path(p: &str) -> bool {
    p.is_empty() || (p.starts_with('/') && parse_pointer(p).is_some())
}

/// An error the boundary throws: a stable code, the argument, a JSON Pointer, a message.
pub fn check_error(e: &ApiError) -> Result<(), String> {
    let code = e.code.as_str();
    let code_ok = !code.is_empty() && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    if !code_ok || e.argument.is_empty() || e.message.is_empty() || !valid_path(&e.path) {
        return Err(format!("malformed error: {e:?}"));
    }
    Ok(())
}

/// An answer as the boundary hands it to `JSON.parse`: a JSON object whose issues and changes
/// carry codes and JSON Pointer paths.
pub fn check_answer(s: &str) -> Result<(), String> {
    if !s.starts_with('{') {
        return Err(format!("the answer is not an object: {}", cut(s)));
    }
    let v = match json::parse(s) {
        Ok(v) => v,
        // Answers echo the input's invalid values, so they may nest deeper than inputs may.
        Err(ParseError::TooDeep | ParseError::TooLarge) => return Ok(()),
        Err(e) => return Err(format!("the answer is not JSON ({e}): {}", cut(s))),
    };
    if strict_numbers() {
        for key in ["payload", "items"] {
            if let Some(v) = v.get(key) {
                inexact_number(v).map_or(Ok(()), |n| {
                    Err(format!(
                        "the {key} holds {n}, which a JavaScript number (JSON.parse) changes to {}",
                        n.parse::<f64>().unwrap_or(f64::NAN)
                    ))
                })?;
            }
        }
    }
    for list in ["issues", "changes"] {
        if let Some(Value::Array(items)) = v.get(list) {
            for i in items {
                let path = i.get("path").and_then(Value::as_str);
                if !path.is_some_and(valid_path) {
                    return Err(format!(
                        "{list} entry without a JSON Pointer path: {}",
                        cut(&json_text(i))
                    ));
                }
                if list == "issues" {
                    if let Some(code) = i.get("code").and_then(Value::as_str) {
                        CODES.with(|c| {
                            if !c.borrow().contains(code) {
                                c.borrow_mut().insert(code.to_owned());
                            }
                        });
                    }
                }
                if list == "issues"
                    && !["code", "severity", "message"].iter().all(|k| {
                        i.get(k)
                            .and_then(Value::as_str)
                            .is_some_and(|s| !s.is_empty())
                    })
                {
                    return Err(format!(
                        "issue without code, severity or message: {}",
                        cut(&json_text(i))
                    ));
                }
            }
        }
    }
    Ok(())
}

/// `FUZZ_STRICT_NUMBERS=1`: every number in a payload or generated schedule must be one a
/// JavaScript number holds exactly (OPEN finding, off by default: see fuzz/README.md).
fn strict_numbers() -> bool {
    static T: OnceLock<bool> = OnceLock::new();
    *T.get_or_init(|| std::env::var_os("FUZZ_STRICT_NUMBERS").is_some_and(|v| v == "1"))
}

/// The first number under `v` that `JSON.parse` would not give back exactly.
fn inexact_number<'v>(v: &'v Value<'_>) -> Option<&'v str> {
    use commit_editor::values::Decimal;
    match v {
        Value::Number(n) => {
            let exact = Decimal::parse(n).ok();
            let js = n
                .parse::<f64>()
                .ok()
                .and_then(|f| Decimal::from_f64(f).ok());
            (exact != js).then_some(n.as_ref())
        }
        Value::Array(items) => items.iter().find_map(inexact_number),
        Value::Object(entries) => entries.iter().find_map(|(_, x)| inexact_number(x)),
        _ => None,
    }
}

fn json_text(v: &Value<'_>) -> String {
    api::to_json(v)
}

fn cut(s: &str) -> String {
    if s.len() <= 300 {
        s.to_owned()
    } else {
        let mut end = 300;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}…", &s[..end])
    }
}

fn answer<T: serde::Serialize>(r: Result<T, ApiError>) -> Result<String, String> {
    match r {
        Ok(t) => {
            let s = api::to_json(&t);
            check_answer(&s)?;
            Ok(s)
        }
        Err(e) => {
            check_error(&e)?;
            Ok(String::new())
        }
    }
}

/// Calls one public function as the boundary does. An empty answer means an error was thrown.
pub fn call_api(f: Fun, args: &[Option<String>]) -> Result<String, String> {
    let req = |i: usize| {
        args.get(i)
            .cloned()
            .flatten()
            .unwrap_or_else(|| "null".into())
    };
    let opt = |i: usize| args.get(i).cloned().flatten();
    match f {
        Fun::PlanEdit => answer(api::plan_edit(&req(0), &req(1), &req(2))),
        Fun::ApplyEdit => answer(api::apply_edit(&req(0), &req(1))),
        Fun::PlanCreate => answer(api::plan_create(&req(0), opt(1).as_deref())),
        Fun::PlanEndDate => answer(api::plan_end_date(&req(0), &req(1), opt(2).as_deref())),
        Fun::PlanDisableTrueup => answer(api::plan_disable_trueup(&req(0), &req(1))),
        Fun::GenerateSchedule => answer(api::generate_schedule(&req(0))),
        Fun::Object => match api::object(&req(0), "value") {
            Ok(v) => answer::<Value<'_>>(Ok(v)),
            Err(e) => check_error(&e).map(|_| String::new()),
        },
        Fun::Any => match api::any(&req(0), "value") {
            Ok(_) => Ok("{}".into()),
            Err(e) => check_error(&e).map(|_| String::new()),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Running calls
// ---------------------------------------------------------------------------------------------

/// Runs calls and keeps their failures.
#[derive(Default)]
pub struct Exec {
    pub failures: Vec<Failure>,
    pub calls: u64,
    /// Calls answered, calls that threw, planEdit payloads applied, sessions made.
    pub stats: [u64; 4],
}

pub const STATS: [&str; 4] = [
    "answered",
    "threw (unusable input)",
    "planEdit payloads re-applied",
    "sessions made",
];

impl Exec {
    /// One public function; the answer, or None when it threw or failed.
    pub fn api(&mut self, f: Fun, args: Vec<Option<String>>) -> Option<String> {
        self.calls += 1;
        let r = guard(
            f.name(),
            || Call::Api(f, args.clone()),
            || call_api(f, &args),
        );
        match r {
            Ok(s) if s.is_empty() => {
                self.stats[1] += 1;
                None
            }
            Ok(s) => {
                self.stats[0] += 1;
                if f == Fun::PlanEdit {
                    self.own_payload_applies(&args, &s);
                    self.same_as_from_scratch(&args, &s);
                }
                Some(s)
            }
            Err(fail) => {
                self.failures.push(fail);
                None
            }
        }
    }

    /// A payload planEdit answers is one applyEdit accepts, and applying it gives the preview.
    fn own_payload_applies(&mut self, args: &[Option<String>], plan: &str) {
        let Ok(p) = json::parse(plan) else { return };
        let Some(payload @ Value::Object(_)) = p.get("payload") else {
            return;
        };
        let original = args.first().cloned().flatten().unwrap_or_default();
        let payload_text = api::to_json(payload);
        let preview = p.get("preview").map(api::to_json).unwrap_or_default();
        self.stats[2] += 1;
        let call_args = vec![Some(original.clone()), Some(payload_text.clone())];
        self.calls += 1;
        let r = guard(
            "apply_edit (of planEdit's payload)",
            || Call::Api(Fun::ApplyEdit, call_args.clone()),
            || match api::apply_edit(&original, &payload_text) {
                Ok(c) => {
                    let applied = api::to_json(&c);
                    let same = json::parse(&applied)
                        .ok()
                        .zip(json::parse(&preview).ok())
                        .is_none_or(|(a, b)| a.same_as(&b));
                    if same {
                        Ok(())
                    } else {
                        Err(format!(
                            "applyEdit(original, payload) differs from the plan's preview:\n  applied {}\n  preview {}",
                            cut(&applied),
                            cut(&preview)
                        ))
                    }
                }
                Err(e) => Err(format!(
                    "applyEdit refused planEdit's own payload: {} at {}: {}",
                    e.code, e.path, e.message
                )),
            },
        );
        if let Err(f) = r {
            self.failures.push(f);
        }
    }

    /// What `planEdit` keeps between calls (the last original, its items by text) never changes an
    /// answer: it equals a plan made from scratch from the same texts.
    fn same_as_from_scratch(&mut self, args: &[Option<String>], plan: &str) {
        let text = |i: usize| {
            args.get(i)
                .cloned()
                .flatten()
                .unwrap_or_else(|| "null".into())
        };
        let (o, d, c) = (text(0), text(1), text(2));
        self.calls += 1;
        let r = guard(
            "plan_edit from scratch",
            || Call::Api(Fun::PlanEdit, args.to_vec()),
            || {
                let (Ok(o), Ok(d), Ok(c)) = (json::parse(&o), json::parse(&d), json::parse(&c))
                else {
                    return Ok(());
                };
                let fresh = api::to_json(&commit_editor::plan::edit::plan_edit(&o, &d, &c));
                if fresh == plan {
                    Ok(())
                } else {
                    Err(format!(
                        "planEdit differs from a plan made from scratch:\n  answer {}\n  fresh  {}",
                        cut(plan),
                        cut(&fresh)
                    ))
                }
            },
        );
        if let Err(f) = r {
            self.failures.push(f);
        }
    }

    /// A session: constructed as the boundary does, then each step; stops at the first failure.
    pub fn session(&mut self, original: String, context: String, ops: Vec<Op>) {
        let upto = |i: usize| Call::Session {
            original: original.clone(),
            context: context.clone(),
            ops: ops[..i].to_vec(),
        };
        self.calls += 1;
        let made = guard(
            "Session::new",
            || upto(0),
            || {
                let o = api::object(&original, "original");
                let c = api::object(&context, "context");
                match (o, c) {
                    (Ok(o), Ok(c)) => Ok(Some(Session::new(&o, &c))),
                    (Err(e), _) | (_, Err(e)) => check_error(&e).map(|_| None),
                }
            },
        );
        let mut s = match made {
            Ok(Some(s)) => {
                self.stats[3] += 1;
                s
            }
            Ok(None) => return,
            Err(f) => {
                self.failures.push(f);
                return;
            }
        };
        for (i, op) in ops.iter().enumerate() {
            self.calls += 1;
            let r = guard(op.name(), || upto(i + 1), || session_step(&mut s, op));
            if let Err(f) = r {
                self.failures.push(f);
                return;
            }
        }
    }
}

fn session_step(s: &mut Session, op: &Op) -> Result<(), String> {
    let plan =
        |p: commit_editor::plan::output::SessionPlan| answer::<_>(Ok::<_, ApiError>(p)).map(|_| ());
    match op {
        Op::Set(path, value) => match value {
            None => plan(s.set(path, None)),
            Some(t) => match api::any(t, "value") {
                Ok(v) => plan(s.set(path, Some(&v))),
                Err(e) => check_error(&e),
            },
        },
        Op::AddItem(section, item) => match api::any(item, "item") {
            Ok(v) => plan(s.add_item(section, &v)),
            Err(e) => check_error(&e),
        },
        Op::RemoveItem(path) => plan(s.remove_item(path)),
        Op::ReplaceDraft(t) => match api::object(t, "draft") {
            Ok(v) => plan(s.replace_draft(&v)),
            Err(e) => check_error(&e),
        },
        Op::SetContext(t) => match api::object(t, "context") {
            Ok(v) => plan(s.set_context(&v)),
            Err(e) => check_error(&e),
        },
        Op::Undo => plan(s.undo()),
        Op::Redo => plan(s.redo()),
        Op::Plan => plan(s.plan()),
        Op::Preview => answer::<_>(Ok::<_, ApiError>(s.preview())).map(|_| ()),
        Op::Draft => {
            let _ = (s.can_undo(), s.can_redo());
            answer::<_>(Ok::<_, ApiError>(s.draft())).map(|_| ())
        }
    }
}

/// Runs a saved call again (for `--replay`).
pub fn replay(call: &Call) -> Vec<Failure> {
    let mut x = Exec::default();
    match call {
        Call::Api(f, args) => {
            x.api(*f, args.clone());
        }
        Call::Session {
            original,
            context,
            ops,
        } => x.session(original.clone(), context.clone(), ops.clone()),
    }
    x.failures
}

// ---------------------------------------------------------------------------------------------
// One case
// ---------------------------------------------------------------------------------------------

/// A fixture of the table in fixtures/: the function it calls and its arguments.
pub struct Seed {
    pub fun: Fun,
    pub args: Vec<J>,
}

pub fn seeds(fixtures: &[(&str, &str)]) -> Vec<Seed> {
    let mut out = Vec::new();
    for (_, text) in fixtures {
        let Ok(v) = json::parse(text) else { continue };
        let Some(fun) = v.get("fn").and_then(Value::as_str).and_then(Fun::from_name) else {
            continue;
        };
        let Some(Value::Array(args)) = v.get("args") else {
            continue;
        };
        out.push(Seed {
            fun,
            args: args.iter().map(from_value).collect(),
        });
    }
    out
}

/// The text of a value, damaged with odds `odds`/16: structural mutations, then (1 in 16) raw
/// text mutations.
fn damaged(rng: &mut Rng, v: &J, odds: u64, heavy: bool) -> String {
    let mut m = v.clone();
    if rng.chance(odds, 16) {
        let n = 1 + rng.weighted(&[8, 4, 2, 1]);
        mutate(rng, &mut m, n, heavy);
    }
    // Beyond the reader's 32 MiB limit is tested; far beyond it only costs time.
    let text = if m.size() <= MAX_TEXT {
        m.text()
    } else {
        v.text()
    };
    if rng.chance(1, 16) {
        mutate_text(rng, &text)
    } else {
        text
    }
}

/// The payload of a planEdit answer, when there is one.
fn payload_of(plan: &str) -> Option<J> {
    let v = json::parse(plan).ok()?;
    match v.get("payload") {
        Some(p @ Value::Object(_)) => Some(from_value(p)),
        _ => None,
    }
}

/// A payload made by hand, for when the plan has none.
fn some_payload(rng: &mut Rng, commit: &J) -> J {
    let ids: Vec<J> = commit
        .items("access_schedule")
        .iter()
        .filter_map(|i| i.get("id").cloned())
        .collect();
    let mut access = J::obj(vec![]);
    if rng.chance(1, 2) {
        access.set("add_schedule_items", J::Arr(vec![gen::access_item(rng)]));
    }
    if !ids.is_empty() && rng.chance(1, 2) {
        let id = rng.pick(&ids).clone();
        access.set(
            "update_schedule_items",
            J::Arr(vec![J::obj(vec![("id", id), ("amount", gen::amount(rng))])]),
        );
    }
    if !ids.is_empty() && rng.chance(1, 3) {
        let id = rng.pick(&ids).clone();
        access.set(
            "remove_schedule_items",
            J::Arr(vec![J::obj(vec![("id", id)])]),
        );
    }
    let mut p = J::obj(vec![
        ("customer_id", J::s(gen::CUSTOMER)),
        ("commit_id", J::s(gen::COMMIT_ID)),
        ("access_schedule", access),
    ]);
    if rng.chance(1, 3) {
        p.set(
            "invoice_schedule",
            J::obj(vec![(
                "add_schedule_items",
                J::Arr(vec![gen::invoice_item(rng)]),
            )]),
        );
    }
    if rng.chance(1, 3) {
        p.set("name", J::s("renamed"));
    }
    p
}

/// A value for `set`: what a form sends for the field the pointer names, or junk.
fn set_value(rng: &mut Rng, heavy: bool) -> Option<String> {
    let v = match rng.weighted(&[6, 3, 3, 2, 2, 2, 4, 1]) {
        0 => gen::amount(rng),
        1 => {
            let h = rng.range(-500, 20_000);
            gen::ts(rng, h)
        }
        2 => J::s(&gen::uuid(rng)),
        3 => special_string(rng, heavy),
        4 => gen::access_item(rng),
        5 => gen::invoice_item(rng),
        6 => junk(rng, 3, heavy),
        _ => return None,
    };
    let text = v.text();
    Some(if rng.chance(1, 24) {
        mutate_text(rng, &text)
    } else {
        text
    })
}

fn session_ops(rng: &mut Rng, commit: &J, draft: &J, heavy: bool) -> Vec<Op> {
    let mut alen = commit.items("access_schedule").len();
    let mut ilen = commit.items("invoice_schedule").len();
    let mut ops = Vec::new();
    let mut last_path: Option<String> = None;
    let steps = if rng.chance(1, 1000) {
        // Longer than the undo history (1,000): the oldest changes are dropped.
        1200
    } else {
        rng.range(1, 16) as usize
    };
    for _ in 0..steps {
        let op = match rng.weighted(&[10, 3, 4, 3, 1, 1, 3, 2, 1, 1, 1]) {
            0 => {
                let p = pointer(rng, alen, ilen);
                last_path = Some(p.clone());
                Op::Set(p, set_value(rng, heavy))
            }
            1 => match &last_path {
                // Typing: more sets to the same path.
                Some(p) => Op::Set(p.clone(), set_value(rng, heavy)),
                None => Op::Undo,
            },
            2 => {
                let section = (*rng.pick(&[
                    "access",
                    "invoice",
                    "access_schedule",
                    "invoice_schedule",
                    "",
                    "ACCESS",
                    "schedule_items",
                    "__proto__",
                ]))
                .to_owned();
                let item = match rng.below(3) {
                    0 => gen::access_item(rng),
                    1 => gen::invoice_item(rng),
                    _ => junk(rng, 3, heavy),
                };
                if section.starts_with("access") {
                    alen += 1;
                } else if section.starts_with("invoice") {
                    ilen += 1;
                }
                Op::AddItem(section, damaged(rng, &item, 4, heavy))
            }
            3 => {
                let p = pointer(rng, alen, ilen);
                if p.starts_with("/access") {
                    alen = alen.saturating_sub(1);
                } else if p.starts_with("/invoice") {
                    ilen = ilen.saturating_sub(1);
                }
                Op::RemoveItem(p)
            }
            4 => {
                let d = if rng.chance(1, 2) {
                    draft.clone()
                } else {
                    gen::draft(rng, commit)
                };
                alen = d.items("access_schedule").len();
                ilen = d.items("invoice_schedule").len();
                Op::ReplaceDraft(damaged(rng, &d, 6, heavy))
            }
            5 => {
                let c = gen::context(rng, commit);
                Op::SetContext(damaged(rng, &c, 4, heavy))
            }
            6 => Op::Undo,
            7 => Op::Redo,
            8 => Op::Plan,
            9 => Op::Preview,
            _ => Op::Draft,
        };
        ops.push(op);
    }
    if steps > 100 {
        ops.extend((0..1100).map(|_| Op::Undo));
        ops.extend((0..1100).map(|_| Op::Redo));
    }
    ops
}

/// Generates case `index` of `seed` and feeds it to every public function and to a session.
pub fn run_case(seed: u64, index: u64, seeds: &[Seed]) -> Exec {
    let mut rng = Rng::for_case(seed, index);
    let heavy = rng.chance(1, HEAVY);
    let mut x = Exec::default();
    let r = &mut rng;
    let commit = gen::commit(r);
    let draft = gen::draft(r, &commit);
    let ctx = gen::context(r, &commit);

    // planEdit of a valid edit: its payload is applied below (and checked against its preview).
    let planned = x.api(
        Fun::PlanEdit,
        vec![Some(commit.text()), Some(draft.text()), Some(ctx.text())],
    );

    // planEdit, damaged.
    let args = vec![
        Some(damaged(r, &commit, 5, heavy)),
        Some(damaged(r, &draft, 12, heavy)),
        Some(damaged(r, &ctx, 3, heavy)),
    ];
    x.api(Fun::PlanEdit, args);

    // applyEdit of the planned payload, damaged.
    let payload = planned
        .as_deref()
        .and_then(payload_of)
        .unwrap_or_else(|| some_payload(r, &commit));
    let args = vec![
        Some(damaged(r, &commit, 3, heavy)),
        Some(damaged(r, &payload, 11, heavy)),
    ];
    x.api(Fun::ApplyEdit, args);

    // planCreate.
    let cd = gen::create_draft(r);
    let cc = gen::create_context(r);
    let args = vec![
        Some(damaged(r, &cd, 11, heavy)),
        cc.map(|c| damaged(r, &c, 4, heavy)),
    ];
    x.api(Fun::PlanCreate, args);

    // planEndDate.
    let req = gen::end_date_request(r, &commit);
    let c = if r.chance(1, 3) {
        None
    } else {
        Some(damaged(r, &ctx, 3, heavy))
    };
    let args = vec![
        Some(damaged(r, &commit, 5, heavy)),
        Some(damaged(r, &req, 10, heavy)),
        c,
    ];
    x.api(Fun::PlanEndDate, args);

    // planDisableTrueup.
    let req = gen::trueup_request(r);
    let args = vec![
        Some(damaged(r, &commit, 5, heavy)),
        Some(damaged(r, &req, 10, heavy)),
    ];
    x.api(Fun::PlanDisableTrueup, args);

    // generateSchedule.
    let rule = gen::rule(r);
    let args = vec![Some(damaged(r, &rule, 10, heavy))];
    x.api(Fun::GenerateSchedule, args);

    // The reader alone, on junk and on broken text.
    let j = {
        let d = r.below(5);
        junk(r, d, heavy)
    };
    let text = if r.chance(1, 2) {
        mutate_text(r, &j.text())
    } else {
        j.text()
    };
    x.api(Fun::Any, vec![Some(text)]);
    let source = [&commit, &draft, &ctx, &payload, &rule][r.below(5)];
    let text = mutate_text(r, &source.text());
    x.api(Fun::Object, vec![Some(text)]);

    // A fixture of the table, damaged.
    if !seeds.is_empty() && r.chance(1, 2) {
        let s = &seeds[r.below(seeds.len())];
        let mut args: Vec<Option<String>> = s
            .args
            .iter()
            .map(|a| Some(damaged(r, a, 10, heavy)))
            .collect();
        // An optional last argument may be absent.
        if matches!(s.fun, Fun::PlanCreate | Fun::PlanEndDate) && r.chance(1, 4) {
            let optional = if s.fun == Fun::PlanCreate { 1 } else { 2 };
            args.truncate(optional);
        }
        x.api(s.fun, args);
    }

    if r.chance(1, BIG) {
        big_case(r, &mut x);
    }

    // A session.
    let original = damaged(r, &commit, 2, heavy);
    let context = damaged(r, &ctx, 2, heavy);
    let ops = session_ops(r, &commit, &draft, heavy);
    x.session(original, context, ops);
    x
}

/// The largest valid inputs: schedules of thousands of items up to the limit of 50,000 (and just
/// beyond), through planEdit, applyEdit, planEndDate and a session. Each call must still take
/// well under the hang limit.
fn big_case(r: &mut Rng, x: &mut Exec) {
    let n = [1_000, 10_000, 50_000, 50_001][r.weighted(&[3, 2, 1, 1])];
    let big = gen::big_commit(r, n);
    let ctx = gen::context(r, &big);
    let mut draft = big.clone();
    match r.below(4) {
        0 => {
            if let Some(items) = draft.items_mut("access_schedule") {
                items.reverse();
            }
        }
        1 => {
            if let Some(items) = draft.items_mut("access_schedule") {
                let i = r.below(items.len());
                items[i].set("amount", J::n(1));
            }
        }
        2 => {
            if let Some(items) = draft.items_mut("invoice_schedule") {
                items.truncate(items.len() / 2);
            }
        }
        _ => draft.set("name", J::s("renamed")),
    }
    let (b, d, c) = (big.text(), draft.text(), ctx.text());
    let planned = x.api(
        Fun::PlanEdit,
        vec![Some(b.clone()), Some(d.clone()), Some(c.clone())],
    );
    let payload = planned
        .as_deref()
        .and_then(payload_of)
        .unwrap_or_else(|| some_payload(r, &big));
    x.api(Fun::ApplyEdit, vec![Some(b.clone()), Some(payload.text())]);
    let req = gen::end_date_request(r, &big);
    x.api(
        Fun::PlanEndDate,
        vec![Some(b.clone()), Some(req.text()), Some(c.clone())],
    );
    let last = n.saturating_sub(1);
    let ops = vec![
        Op::Set(
            format!("/access_schedule/schedule_items/{}/amount", r.below(n)),
            Some("5".into()),
        ),
        Op::Set(
            format!("/access_schedule/schedule_items/{}/amount", r.below(n)),
            Some("6".into()),
        ),
        Op::Set(
            format!("/invoice_schedule/schedule_items/{last}/timestamp"),
            Some("\"2026-01-01T00:00:00Z\"".into()),
        ),
        Op::AddItem("access".into(), gen::access_item(r).text()),
        Op::RemoveItem(format!("/access_schedule/schedule_items/{}", r.below(n))),
        Op::Set("/name".into(), Some("\"big\"".into())),
        Op::Set(
            "/access_schedule/schedule_items/-".into(),
            Some(gen::access_item(r).text()),
        ),
        Op::Undo,
        Op::Undo,
        Op::Redo,
        Op::ReplaceDraft(d),
        Op::Preview,
        Op::Draft,
    ];
    x.session(b, c, ops);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_or_an_overflow_is_caught_and_reported() {
        install_panic_hook();
        let call = || Call::Api(Fun::Any, vec![Some("1".into())]);
        let f = guard("boom", call, || -> Result<(), String> { panic!("boom") }).unwrap_err();
        assert_eq!((f.function.as_str(), f.kind), ("boom", "panic"));
        assert!(f.message.contains("boom"), "{}", f.message);
        let big = std::hint::black_box(i64::MAX);
        let f = guard("overflow", call, || Ok(big + 1)).unwrap_err();
        assert!(f.message.contains("overflow"), "{}", f.message);
        assert!(guard("fine", call, || Ok(1)).is_ok());
    }
}
