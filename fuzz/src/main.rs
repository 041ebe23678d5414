//! The fuzz driver: N seeded cases, each fed to every public function of commit-editor and to an
//! editing session, with panics caught, every call timed, and answers checked.
//!
//! ```text
//! cargo run --release --manifest-path fuzz/Cargo.toml -- [N] [SEED] [--threads T]
//! cargo run --release --manifest-path fuzz/Cargo.toml -- 1 SEED --case K     # one case again
//! cargo run --release --manifest-path fuzz/Cargo.toml -- --replay fuzz/artifacts/FILE.json
//! ```
//!
//! The process supervises a worker process, so that a failure that kills the process (a stack
//! overflow, an abort, a call that never returns) is still found and saved: the supervisor
//! reruns the cases that were in flight one by one, writing each call to an artifact before it
//! runs, and what is left behind when the process dies is the call that killed it.

mod artifact;
mod case;
mod gen;
mod j;
mod limits;
mod mutate;
mod rng;

use case::{Failure, Seed, Slot};
use std::collections::HashMap;
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

mod fixtures {
    include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));
}

/// Stack of each worker thread: what wasm32-unknown-unknown gives a module by default (1 MiB),
/// so deep recursion that would trap in wasm overflows here too.
const STACK: usize = 1 << 20;
/// A call still running after this long (wall clock) is a hang that never returns: the worker
/// stops, and the supervisor finds the call.
const WATCHDOG: Duration = Duration::from_secs(20);
/// Exit code of a worker stopped by the watchdog.
const EXIT_HUNG: i32 = 3;
/// Artifacts kept per run (one per distinct failure).
const MAX_ARTIFACTS: usize = 20;

struct Args {
    n: u64,
    seed: u64,
    threads: usize,
    case: Option<u64>,
    replay: Option<PathBuf>,
    worker: bool,
    inflight: Option<PathBuf>,
    pending: Option<PathBuf>,
}

fn usage() -> ! {
    eprintln!(
        "usage: commit-editor-fuzz [N] [SEED] [--threads T] [--case K] [--replay ARTIFACT]\n  \
         N cases (default 10000) from SEED (default 1); --case K runs only case K of SEED"
    );
    std::process::exit(2)
}

fn parse_args() -> Args {
    let mut a = Args {
        n: 10_000,
        seed: 1,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        case: None,
        replay: None,
        worker: false,
        inflight: None,
        pending: None,
    };
    let mut positional = 0;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| usage());
        match arg.as_str() {
            "--threads" => a.threads = value().parse().unwrap_or_else(|_| usage()),
            "--case" => a.case = Some(value().parse().unwrap_or_else(|_| usage())),
            "--replay" => a.replay = Some(value().into()),
            "--worker" => a.worker = true,
            "--inflight" => a.inflight = Some(value().into()),
            "--pending" => a.pending = Some(value().into()),
            "-h" | "--help" => usage(),
            s if !s.starts_with('-') && positional == 0 => {
                a.n = s.parse().unwrap_or_else(|_| usage());
                positional += 1;
            }
            s if !s.starts_with('-') && positional == 1 => {
                a.seed = s.parse().unwrap_or_else(|_| usage());
                positional += 1;
            }
            _ => usage(),
        }
    }
    a.threads = a.threads.max(1);
    a
}

fn artifacts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts")
}

fn main() -> ExitCode {
    let args = parse_args();
    if let Some(path) = &args.replay {
        return replay(path);
    }
    if args.worker {
        return worker(&args);
    }
    supervise(&args)
}

// ---------------------------------------------------------------------------------------------
// Supervisor
// ---------------------------------------------------------------------------------------------

fn supervise(args: &Args) -> ExitCode {
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("fuzz: cannot find the driver executable: {e}");
            return ExitCode::FAILURE;
        }
    };
    let inflight = std::env::temp_dir().join(format!(
        "commit-editor-fuzz-{}.inflight",
        std::process::id()
    ));
    let mut cmd = Command::new(&exe);
    cmd.arg(args.n.to_string())
        .arg(args.seed.to_string())
        .arg("--threads")
        .arg(args.threads.to_string())
        .arg("--worker")
        .arg("--inflight")
        .arg(&inflight);
    if let Some(k) = args.case {
        cmd.arg("--case").arg(k.to_string());
    }
    let status = match cmd.status() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("fuzz: cannot start the worker: {e}");
            return ExitCode::FAILURE;
        }
    };
    match status.code() {
        Some(0) => {
            let _ = std::fs::remove_file(&inflight);
            return ExitCode::SUCCESS;
        }
        Some(1) => {
            let _ = std::fs::remove_file(&inflight);
            return ExitCode::FAILURE;
        }
        _ => {}
    }
    // The worker died: find the call that killed it.
    let (done, cases) = read_inflight(&inflight, args.threads);
    let _ = std::fs::remove_file(&inflight);
    println!("fuzz: the worker process died ({status}) after about {done} cases; cases in flight: {cases:?}");
    let _ = std::fs::create_dir_all(artifacts_dir());
    let mut found = 0;
    for k in &cases {
        let pending = artifacts_dir().join(format!("crash-seed{}-case{k}.json", args.seed));
        println!("fuzz: running case {k} alone, saving each call before it runs");
        let st = Command::new(&exe)
            .args(["1", &args.seed.to_string(), "--threads", "1", "--worker"])
            .arg("--case")
            .arg(k.to_string())
            .arg("--pending")
            .arg(&pending)
            .status();
        match st {
            Ok(s) if s.code() == Some(0) || s.code() == Some(1) => {
                let _ = std::fs::remove_file(&pending);
                println!("fuzz: case {k} did not kill the process when run alone");
            }
            Ok(s) => {
                found += 1;
                let what = std::fs::read_to_string(&pending)
                    .ok()
                    .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
                    .and_then(|v| {
                        v.get("function")
                            .and_then(|f| f.as_str())
                            .map(str::to_owned)
                    });
                match what {
                    Some(what) => println!(
                        "fuzz: FAIL case {k}: {what} killed the process ({s}); input saved to {}",
                        pending.display()
                    ),
                    None => println!(
                        "fuzz: FAIL case {k}: the process died ({s}) between library calls: a bug in the driver"
                    ),
                }
            }
            Err(e) => println!("fuzz: cannot rerun case {k}: {e}"),
        }
    }
    let failed = found.max(1);
    println!(
        "fuzz: {} passed, {failed} failed",
        done.saturating_sub(failed as u64)
    );
    ExitCode::FAILURE
}

fn read_inflight(path: &Path, threads: usize) -> (u64, Vec<u64>) {
    let Ok(bytes) = std::fs::read(path) else {
        return (0, Vec::new());
    };
    let word = |i: usize| -> Option<u64> {
        bytes
            .get(i * 8..i * 8 + 8)
            .and_then(|b| b.try_into().ok())
            .map(u64::from_le_bytes)
    };
    let done = word(0).unwrap_or(0);
    let cases = (0..threads)
        .filter_map(|t| word(1 + t))
        .filter(|&k| k != u64::MAX)
        .collect();
    (done, cases)
}

// ---------------------------------------------------------------------------------------------
// Worker
// ---------------------------------------------------------------------------------------------

struct Shared {
    seed: u64,
    first: u64,
    end: u64,
    next: AtomicU64,
    done: AtomicU64,
    calls: AtomicU64,
    stats: [AtomicU64; 4],
    codes: Mutex<std::collections::BTreeSet<String>>,
    slowest: Mutex<(Duration, String, u64)>,
    failed_cases: AtomicU64,
    /// The earliest failure of each kind (function, kind, where), with its case.
    found: Mutex<HashMap<String, (u64, Failure)>>,
    inflight: Option<File>,
}

fn signature(f: &Failure) -> String {
    let place = f.message.lines().next().unwrap_or("");
    let place = if f.kind == "panic" {
        place.to_owned()
    } else {
        place.chars().take(80).collect()
    };
    format!("{} {} {place}", f.function, f.kind)
}

fn save(seed: u64, case: u64, f: &Failure) -> Option<PathBuf> {
    let dir = artifacts_dir();
    std::fs::create_dir_all(&dir).ok()?;
    let path = dir.join(artifact::file_name(seed, case, f));
    std::fs::write(&path, artifact::render(seed, case, f)).ok()?;
    Some(path)
}

fn record(sh: &Shared, case: u64, failures: Vec<Failure>) {
    let Some(first) = failures.into_iter().next() else {
        return;
    };
    sh.failed_cases.fetch_add(1, Ordering::Relaxed);
    let sig = signature(&first);
    let mut found = sh.found.lock().unwrap_or_else(|e| e.into_inner());
    let better = match found.get(&sig) {
        None => found.len() < MAX_ARTIFACTS,
        Some((k, _)) => case < *k,
    };
    if !better {
        return;
    }
    if let Some((k, old)) = found.get(&sig) {
        let _ = std::fs::remove_file(artifacts_dir().join(artifact::file_name(sh.seed, *k, old)));
    }
    let path = save(sh.seed, case, &first);
    if !found.contains_key(&sig) {
        println!(
            "fuzz: FAIL case {case}: {} ({}, {} ms CPU): {}\n      input saved to {}",
            first.function,
            first.kind,
            first.cpu.as_millis(),
            first.message.replace('\n', "\n      "),
            path.map_or("(not saved)".into(), |p| p.display().to_string())
        );
    }
    found.insert(sig, (case, first));
}

fn work(sh: &Shared, slot: &Slot, t: usize, seeds: &[Seed]) {
    loop {
        let k = sh.next.fetch_add(1, Ordering::Relaxed);
        if k >= sh.end {
            break;
        }
        slot.case.store(k, Ordering::Relaxed);
        if let Some(f) = &sh.inflight {
            let _ = f.write_at(&k.to_le_bytes(), 8 * (1 + t as u64));
            let _ = f.write_at(&sh.done.load(Ordering::Relaxed).to_le_bytes(), 0);
        }
        let failures = match std::panic::catch_unwind(|| case::run_case(sh.seed, k, seeds)) {
            Ok(x) => {
                sh.calls.fetch_add(x.calls, Ordering::Relaxed);
                for (a, n) in sh.stats.iter().zip(x.stats) {
                    a.fetch_add(n, Ordering::Relaxed);
                }
                x.failures
            }
            Err(_) => vec![Failure {
                function: "driver (generating the input)".into(),
                kind: "panic",
                message: "the driver itself panicked outside a library call".into(),
                cpu: Duration::ZERO,
                call: case::Call::Api(case::Fun::Any, vec![]),
            }],
        };
        record(sh, k, failures);
        sh.done.fetch_add(1, Ordering::Relaxed);
    }
    slot.case.store(u64::MAX, Ordering::Relaxed);
    let mut codes = sh.codes.lock().unwrap_or_else(|e| e.into_inner());
    codes.extend(case::codes_seen());
    drop(codes);
    let mut slowest = sh.slowest.lock().unwrap_or_else(|e| e.into_inner());
    let mine = case::slowest();
    if mine.0 > slowest.0 {
        *slowest = mine;
    }
    drop(slowest);
    if let Some(f) = &sh.inflight {
        let _ = f.write_at(&u64::MAX.to_le_bytes(), 8 * (1 + t as u64));
    }
}

fn worker(args: &Args) -> ExitCode {
    case::install_panic_hook();
    let started = Instant::now();
    let _ = case::clock();
    let (first, end) = match args.case {
        Some(k) => (k, k.saturating_add(1)),
        None => (0, args.n),
    };
    let total = end - first;
    let threads = args.threads.min(total.max(1) as usize);
    if let Some(p) = &args.pending {
        let _ = case::PENDING.set(p.clone());
        let _ = case::PENDING_META.set((args.seed, first));
    }
    let inflight = args.inflight.as_ref().and_then(|p| {
        let f = File::create(p).ok()?;
        let idle: Vec<u8> = std::iter::once(0u64)
            .chain((0..threads).map(|_| u64::MAX))
            .flat_map(u64::to_le_bytes)
            .collect();
        f.write_at(&idle, 0).ok()?;
        Some(f)
    });
    // The documented limits, at their edges (not when rerunning one case).
    let mut limit_failures = 0;
    if args.case.is_none() {
        let t = Instant::now();
        let (passed, failures) = limits::check_all();
        for f in &failures {
            let path = save(args.seed, u64::MAX, f);
            println!(
                "fuzz: FAIL {} ({}): {}\n      input saved to {}",
                f.function,
                f.kind,
                f.message,
                path.map_or("(not saved)".into(), |p| p.display().to_string())
            );
        }
        limit_failures = failures.len() as u64;
        let slowest = case::slowest();
        println!(
            "fuzz: limit checks: {passed} passed, {limit_failures} failed ({:.1} s; slowest: {}, {} ms CPU)",
            t.elapsed().as_secs_f64(),
            slowest.1,
            slowest.0.as_millis()
        );
    }
    let seeds = case::seeds(fixtures::FIXTURES);
    println!(
        "fuzz: {total} cases from seed {} on {threads} threads ({} fixtures as seeds; 1 in {} cases heavy, 1 in {} with a schedule of up to 50,001 items)",
        args.seed,
        seeds.len(),
        case::HEAVY,
        case::BIG
    );
    let sh = Arc::new(Shared {
        seed: args.seed,
        first,
        end,
        next: AtomicU64::new(first),
        done: AtomicU64::new(0),
        calls: AtomicU64::new(0),
        stats: Default::default(),
        codes: Mutex::new(Default::default()),
        slowest: Mutex::new((Duration::ZERO, String::new(), 0)),
        failed_cases: AtomicU64::new(0),
        found: Mutex::new(HashMap::new()),
        inflight,
    });
    let seeds = Arc::new(seeds);
    let slots: Vec<Arc<Slot>> = (0..threads)
        .map(|_| {
            Arc::new(Slot {
                case: AtomicU64::new(u64::MAX),
                call_started: AtomicU64::new(0),
            })
        })
        .collect();
    let mut handles = Vec::new();
    for (t, slot) in slots.iter().enumerate() {
        let (sh, slot, seeds) = (Arc::clone(&sh), Arc::clone(slot), Arc::clone(&seeds));
        let h = std::thread::Builder::new()
            .name(format!("fuzz-{t}"))
            .stack_size(STACK)
            .spawn(move || {
                case::set_slot(Arc::clone(&slot));
                work(&sh, &slot, t, &seeds);
            });
        match h {
            Ok(h) => handles.push(h),
            Err(e) => {
                eprintln!("fuzz: cannot start a thread: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    // Progress, and the watchdog.
    let mut next_report = 1;
    while handles.iter().any(|h| !h.is_finished()) {
        std::thread::sleep(Duration::from_millis(100));
        let now = case::clock().elapsed().as_millis() as u64;
        for s in &slots {
            let at = s.call_started.load(Ordering::Relaxed);
            if at != 0 && now.saturating_sub(at) > WATCHDOG.as_millis() as u64 {
                println!(
                    "fuzz: FAIL case {}: a call has run for more than {} s (hang)",
                    s.case.load(Ordering::Relaxed),
                    WATCHDOG.as_secs()
                );
                std::process::exit(EXIT_HUNG);
            }
        }
        let done = sh.done.load(Ordering::Relaxed);
        if total >= 10 && done * 10 >= next_report * total && next_report < 10 {
            println!(
                "fuzz: {done}/{total} cases ({}%), {:.1} s, {} calls, {} failed",
                next_report * 10,
                started.elapsed().as_secs_f64(),
                sh.calls.load(Ordering::Relaxed),
                sh.failed_cases.load(Ordering::Relaxed)
            );
            while next_report < 10 && done * 10 >= next_report * total {
                next_report += 1;
            }
        }
    }
    for h in handles {
        let _ = h.join();
    }
    if let Some(p) = &args.pending {
        let _ = std::fs::remove_file(p);
    }
    let failed = sh.failed_cases.load(Ordering::Relaxed) + limit_failures;
    let done = sh.done.load(Ordering::Relaxed);
    let secs = started.elapsed().as_secs_f64();
    println!(
        "fuzz: {done} cases, {} calls in {secs:.1} s ({:.0} cases/s)",
        sh.calls.load(Ordering::Relaxed),
        done as f64 / secs.max(1e-9)
    );
    let stats: Vec<String> = case::STATS
        .iter()
        .zip(&sh.stats)
        .map(|(name, n)| format!("{} {name}", n.load(Ordering::Relaxed)))
        .collect();
    println!("fuzz: {}", stats.join(", "));
    let codes = sh.codes.lock().unwrap_or_else(|e| e.into_inner());
    let missing: Vec<&str> = commit_editor::issue::IssueCode::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !codes.contains(*c))
        .collect();
    println!(
        "fuzz: issue codes reached: {} of {}{}",
        commit_editor::issue::IssueCode::ALL.len() - missing.len(),
        commit_editor::issue::IssueCode::ALL.len(),
        if missing.is_empty() {
            String::new()
        } else {
            format!(" (not reached: {})", missing.join(", "))
        }
    );
    drop(codes);
    let slowest = sh.slowest.lock().unwrap_or_else(|e| e.into_inner());
    println!(
        "fuzz: slowest call: {} ms CPU, {} in case {} (a hang is over {} ms)",
        slowest.0.as_millis(),
        slowest.1,
        slowest.2,
        case::HANG.as_millis()
    );
    drop(slowest);
    let found = sh.found.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((k, f)) = found.values().min_by_key(|(k, _)| *k) {
        println!(
            "fuzz: first failure: case {k}: {} ({}); inputs in {}; again: cargo run --release --manifest-path fuzz/Cargo.toml -- 1 {} --case {k}",
            f.function,
            f.kind,
            artifacts_dir().join(artifact::file_name(sh.seed, *k, f)).display(),
            sh.seed
        );
    }
    let _ = sh.first;
    println!(
        "fuzz: {} passed, {failed} failed",
        done.saturating_sub(failed - limit_failures)
    );
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

// ---------------------------------------------------------------------------------------------
// Replay
// ---------------------------------------------------------------------------------------------

fn replay(path: &Path) -> ExitCode {
    case::install_panic_hook();
    let call = match std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|t| artifact::parse(&t))
    {
        Ok(c) => c,
        Err(e) => {
            eprintln!("fuzz: cannot read {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let h = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || case::replay(&call));
    let failures = match h.map(|h| h.join()) {
        Ok(Ok(f)) => f,
        _ => {
            eprintln!("fuzz: the replay thread died");
            return ExitCode::FAILURE;
        }
    };
    for f in &failures {
        println!(
            "replay: {} ({}, {} ms CPU): {}",
            f.function,
            f.kind,
            f.cpu.as_millis(),
            f.message
        );
    }
    if failures.is_empty() {
        println!("replay: no failure");
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
