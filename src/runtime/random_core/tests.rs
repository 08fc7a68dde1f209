//! Checks against CPython 3.11: `runtime/testdata/random_cases.txt` holds what `python3`
//! (3.11.7) printed for each seed and call, generated, never written by hand.

use num_bigint::BigInt;

use super::*;
use crate::runtime::numfmt::float_repr;

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\\u{") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find('}').expect("test data: bad escape") + i;
        let code = u32::from_str_radix(&rest[i + 3..end], 16).expect("test data: bad escape");
        out.push(char::from_u32(code).expect("test data: bad code point"));
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

fn random_from(seed: &str) -> Random {
    let (kind, value) = seed.split_once(':').expect("test data: bad seed");
    match kind {
        "i" => Random::new(Seed::Int(&value.parse::<BigInt>().expect("test data: int"))),
        "f" => Random::new(Seed::Float(value.parse().expect("test data: float"))),
        "s" => Random::new(Seed::Str(&unescape(value))),
        _ => {
            let bytes: Vec<u8> = (0..value.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&value[i..i + 2], 16).expect("test data: hex"))
                .collect();
            Random::new(Seed::Bytes(&bytes))
        }
    }
}

fn int(s: &str) -> BigInt {
    s.parse().expect("test data: int")
}

fn float(s: &str) -> f64 {
    s.parse().expect("test data: float")
}

fn joined<T: ToString>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

fn show(r: Result<BigInt, PyExc>) -> String {
    r.map_or_else(|e| e.to_string(), |v| v.to_string())
}

/// Performs one call as the generator did (`op` with space-separated `args`) and prints the
/// result the way the generator printed it.
fn run(rng: &mut Random, op: &str, args: &str) -> String {
    let a: Vec<&str> = args.split(' ').collect();
    let count = |s: &str| s.parse::<usize>().expect("test data: count");
    match op {
        "random" => joined((0..count(a[0])).map(|_| float_repr(rng.random()))),
        "getrandbits" => joined(a.iter().map(|k| {
            let k = k.parse::<i64>().expect("test data: k");
            rng.getrandbits(k)
                .map_or_else(|e| e.to_string(), |v| v.to_string())
        })),
        "randrange" => {
            let stop = (a[1] != "None").then(|| int(a[1]));
            joined(
                (0..count(a[3]))
                    .map(|_| show(rng.randrange(&int(a[0]), stop.as_ref(), &int(a[2])))),
            )
        }
        "randint" => joined((0..count(a[2])).map(|_| show(rng.randint(&int(a[0]), &int(a[1]))))),
        "shuffle" => {
            let mut items: Vec<usize> = (0..count(a[0])).collect();
            rng.shuffle(&mut items);
            joined(items)
        }
        "sample" => {
            let k = a[1].parse().expect("test data: k");
            rng.sample_indices(count(a[0]), k)
                .map_or_else(|e| e.to_string(), joined)
        }
        "choice" => joined((0..count(a[1])).map(|_| {
            rng.choice_index(count(a[0]))
                .map_or_else(|e| e.to_string(), |i| i.to_string())
        })),
        "choices" => joined(rng.choices_indices(count(a[0]), a[1].parse().expect("k"))),
        "choices_w" => {
            let weights: Vec<f64> = a[0].split(',').map(float).collect();
            rng.choices_weighted(weights.len(), &weights, a[1].parse().expect("k"))
                .map_or_else(|e| e.to_string(), joined)
        }
        "uniform" => {
            joined((0..count(a[2])).map(|_| float_repr(rng.uniform(float(a[0]), float(a[1])))))
        }
        "gauss" => {
            joined((0..count(a[2])).map(|_| float_repr(rng.gauss(float(a[0]), float(a[1])))))
        }
        "normalvariate" => joined(
            (0..count(a[2])).map(|_| float_repr(rng.normalvariate(float(a[0]), float(a[1])))),
        ),
        "expovariate" => joined((0..count(a[1])).map(|_| float_repr(rng.expovariate(float(a[0]))))),
        "triangular" => {
            let mode = (a[2] != "None").then(|| float(a[2]));
            joined(
                (0..count(a[3]))
                    .map(|_| float_repr(rng.triangular(float(a[0]), float(a[1]), mode))),
            )
        }
        "randbytes" => rng.randbytes(a[0].parse().expect("n")).map_or_else(
            |e| e.to_string(),
            |b| b.iter().map(|x| format!("{x:02x}")).collect(),
        ),
        other => panic!("test data: unknown op {other}"),
    }
}

#[test]
fn random_module_matches_cpython() {
    let data = include_str!("../testdata/random_cases.txt");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in data.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let [seed, op, args, expected] = fields[..] else {
            panic!("test data: bad line {line}");
        };
        let mut rng = random_from(seed);
        let got = if op == "mixed" {
            // One generator through every call in turn: `op(args)=result ; ...`.
            expected
                .split(" ; ")
                .map(|call| {
                    let (head, _) = call.split_once(")=").expect("test data: call");
                    let (op, args) = head.split_once('(').expect("test data: call");
                    format!("{op}({args})={}", run(&mut rng, op, args))
                })
                .collect::<Vec<_>>()
                .join(" ; ")
        } else {
            run(&mut rng, op, args)
        };
        count += 1;
        if got != expected {
            failures.push(format!(
                "{seed} {op}({args})\n  expected {expected}\n  got      {got}"
            ));
        }
    }
    assert!(count > 200);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn headline_sequences() {
    // random.seed(12345); [random.random() for _ in range(5)]
    let mut rng = Random::new(Seed::Int(&BigInt::from(12345)));
    let got: Vec<String> = (0..5).map(|_| float_repr(rng.random())).collect();
    assert_eq!(
        got,
        [
            "0.41661987254534116",
            "0.010169169457068361",
            "0.8252065092537432",
            "0.2986398551995928",
            "0.3684116894884757"
        ]
    );
    // random.seed(0); random.getrandbits(100)
    let mut rng = Random::new(Seed::Int(&BigInt::from(0)));
    assert_eq!(
        rng.getrandbits(100).map(|v| v.to_string()),
        Ok("1169245609517217401678349469645".to_string())
    );
}

#[test]
fn error_messages() {
    let mut rng = Random::new(Seed::Int(&BigInt::from(1)));
    let one = BigInt::from(1);
    let range = |rng: &mut Random, start: i64, stop: Option<i64>, step: i64| {
        let stop = stop.map(BigInt::from);
        rng.randrange(&BigInt::from(start), stop.as_ref(), &BigInt::from(step))
            .map_err(|e| e.to_string())
    };
    assert_eq!(
        range(&mut rng, 0, Some(0), 1),
        Err("ValueError: empty range for randrange() (0, 0, 0)".into())
    );
    assert_eq!(
        range(&mut rng, 5, Some(2), 1),
        Err("ValueError: empty range for randrange() (5, 2, -3)".into())
    );
    assert_eq!(
        range(&mut rng, 0, None, 1),
        Err("ValueError: empty range for randrange()".into())
    );
    assert_eq!(
        range(&mut rng, 0, Some(10), 0),
        Err("ValueError: zero step for randrange()".into())
    );
    assert_eq!(
        range(&mut rng, 0, Some(10), -1),
        Err("ValueError: empty range for randrange()".into())
    );
    assert_eq!(
        range(&mut rng, 10, None, 2),
        Err("TypeError: Missing a non-None stop argument".into())
    );
    assert_eq!(
        rng.randint(&BigInt::from(5), &BigInt::from(2))
            .map_err(|e| e.to_string()),
        Err("ValueError: empty range for randrange() (5, 3, -2)".into())
    );
    assert_eq!(
        rng.choice_index(0).map_err(|e| e.to_string()),
        Err("IndexError: Cannot choose from an empty sequence".into())
    );
    for k in [4, -1] {
        assert_eq!(
            rng.sample_indices(3, k).map_err(|e| e.to_string()),
            Err("ValueError: Sample larger than population or is negative".into())
        );
    }
    assert_eq!(
        rng.getrandbits(-1).map_err(|e| e.to_string()),
        Err("ValueError: number of bits must be non-negative".into())
    );
    assert_eq!(
        rng.randbytes(-1).map_err(|e| e.to_string()),
        Err("ValueError: number of bits must be non-negative".into())
    );
    let weighted = |rng: &mut Random, n: usize, w: &[f64]| {
        rng.choices_weighted(n, w, 1).map_err(|e| e.to_string())
    };
    assert_eq!(
        weighted(&mut rng, 0, &[]),
        Err("IndexError: list index out of range".into())
    );
    assert_eq!(
        weighted(&mut rng, 1, &[0.0]),
        Err("ValueError: Total of weights must be greater than zero".into())
    );
    assert_eq!(
        weighted(&mut rng, 1, &[f64::INFINITY]),
        Err("ValueError: Total of weights must be finite".into())
    );
    assert_eq!(
        weighted(&mut rng, 2, &[1.0]),
        Err("ValueError: The number of weights does not match the population".into())
    );
    assert!(rng.randrange(&one, None, &one).is_ok());
}

#[test]
fn state_round_trips() {
    let mut a = Random::new(Seed::Str("state"));
    a.random();
    let (words, index) = a.generator().state();
    let mut b = MersenneTwister::from_state(&words, index).expect("valid state");
    assert_eq!(a.generator().genrand_u32(), b.genrand_u32());
    assert_eq!(
        MersenneTwister::from_state(&words[1..], index).err(),
        Some("state vector is the wrong size".to_string())
    );
}

#[test]
fn unseeded_generators_differ() {
    let mut a = Random::new(Seed::None);
    let mut b = Random::from_time_and_pid_free_entropy();
    assert_ne!(
        (0..4).map(|_| a.random()).collect::<Vec<_>>(),
        (0..4).map(|_| b.random()).collect::<Vec<_>>()
    );
}
