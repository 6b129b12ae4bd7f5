import os
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.dedup.fingerprint import (
    Signature,
    band_hashes,
    exact_key,
    fingerprints,
    lsh_params,
    shingles,
    signature,
    similarity,
    words,
)

EXAMPLES = Path(__file__).parents[2] / "examples" / "russia-turkey"
AP = EXAMPLES / "csmonitor-ap.txt"
S = Settings()


def test_fingerprint_exact_key_ignores_spacing_quotes_and_case():
    a = 'Putin hailed "our friend, President Erdogan" for the de-escalation deal.\n\nIt\'s over.'
    b = "putin  hailed “our friend,President Erdogan”\tfor the de–escalation deal. It’s over."
    assert exact_key(a) == exact_key(b)
    assert exact_key(a) != exact_key(a.replace("friend", "foe"))
    assert len(exact_key(a)) == 64


def test_fingerprint_exact_key_uses_nfkc():
    # Full-width letters and ligatures come from some CMS exports of the same text.
    assert exact_key("ｆｉｎａｌ ofﬁce") == exact_key("final office")


def test_fingerprint_shingles_are_word_ngrams_of_normalised_words():
    assert shingles("Russia, Turkey — and IRAN agree.", 3) == [
        "russia turkey and",
        "turkey and iran",
        "and iran agree",
    ]
    assert shingles("Two words", 4) == ["two words"]
    assert shingles(" … ", 4) == []
    with pytest.raises(ValueError):
        shingles("a b", 0)


def test_fingerprint_signature_of_same_text_is_identical_and_counts_words():
    text = AP.read_text(encoding="utf-8")
    a, b = signature(text, S), signature(text, S)
    assert a == b
    assert a.num_perm == S.minhash_permutations
    assert a.n_words == len(words(text))
    assert similarity(a, b) == 1.0


def test_fingerprint_fingerprints_equal_the_separate_functions():
    text = AP.read_text(encoding="utf-8")
    assert fingerprints(text, S) == (exact_key(text), signature(text, S))


def test_fingerprint_signature_round_trips_through_bytes():
    sig = signature(AP.read_text(encoding="utf-8"), S)
    data = sig.to_bytes()
    assert len(data) == 14 + 4 * S.minhash_permutations
    assert Signature.from_bytes(data) == sig
    with pytest.raises(ValueError):
        Signature.from_bytes(b"not a signature at all")
    with pytest.raises(ValueError):
        Signature.from_bytes(data[:-1])


def test_fingerprint_signature_is_stable_across_processes():
    code = (
        "import sys; from pathlib import Path; from storyline.config import Settings;"
        "from storyline.dedup.fingerprint import signature;"
        "text = Path(sys.argv[1]).read_text(encoding='utf-8');"
        "print(signature(text, Settings()).to_bytes().hex())"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run(
        [sys.executable, "-c", code, str(AP)], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert bytes.fromhex(out) == signature(AP.read_text(encoding="utf-8"), S).to_bytes()


def test_fingerprint_similarity_estimates_jaccard():
    base = [f"word{i}" for i in range(400)]
    other = base[:300] + [f"other{i}" for i in range(100)]
    # 4-shingles: 297 shared of 397 + 100 distinct each side -> J = 297 / 497 ~= 0.60
    true_j = len(set(shingles(" ".join(base), 4)) & set(shingles(" ".join(other), 4))) / len(
        set(shingles(" ".join(base), 4)) | set(shingles(" ".join(other), 4))
    )
    est = similarity(signature(" ".join(base), S), signature(" ".join(other), S))
    assert abs(est - true_j) < 0.15


def test_fingerprint_similarity_refuses_other_schemes():
    text = AP.read_text(encoding="utf-8")
    a = signature(text, S)
    b = signature(text, S.override(minhash_permutations=64))
    with pytest.raises(ValueError):
        similarity(a, b)
    assert a.is_current(S) and not b.is_current(S)


def test_fingerprint_lsh_params_match_datasketch():
    lsh = pytest.importorskip("datasketch.lsh")
    for threshold in (0.5, 0.8, 0.9):
        assert lsh_params(threshold, 128) == lsh._optimal_param(threshold, 128, 0.5, 0.5)
    assert lsh_params(0.8, 128, 0.1, 0.9) == lsh._optimal_param(0.8, 128, 0.1, 0.9)


def test_fingerprint_band_hashes_are_per_band_and_depend_on_bands_only():
    text = AP.read_text(encoding="utf-8")
    sig = signature(text, S)
    bands = band_hashes(sig, S)
    n_bands, rows = lsh_params(S.near_duplicate_threshold, S.minhash_permutations, 0.1, 0.9)
    assert len(bands) == n_bands and all(len(b) == 8 for b in bands)
    assert len(set(bands)) == n_bands
    # Changing one minimum changes exactly the band that holds it.
    values = list(sig.values)
    values[rows + 1] ^= 1
    changed = band_hashes(Signature(tuple(values), sig.n_words), S)
    assert [i for i in range(n_bands) if changed[i] != bands[i]] == [1]
