"""RFC 6238 (and RFC 4226) test vectors, the drift window and the otpauth:// address."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qs, urlsplit

import pytest

from tribune.accounts import totp

# RFC 6238 appendix B: the seeds are ASCII "1234567890" repeated to the hash's length.
SHA1_KEY = b"12345678901234567890"
SHA256_KEY = b"12345678901234567890123456789012"
SHA512_KEY = b"1234567890123456789012345678901234567890123456789012345678901234"
RFC6238 = [
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]


@pytest.mark.parametrize(("unix_time", "sha1", "sha256", "sha512"), RFC6238)
def test_rfc6238_vectors(unix_time, sha1, sha256, sha512):
    assert totp.totp(SHA1_KEY, unix_time, digits=8) == sha1
    assert totp.totp(SHA256_KEY, unix_time, digits=8, digest=hashlib.sha256) == sha256
    assert totp.totp(SHA512_KEY, unix_time, digits=8, digest=hashlib.sha512) == sha512


def test_rfc4226_hotp_vectors():
    # RFC 4226 appendix D, counters 0..9.
    expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
    assert [totp.hotp(SHA1_KEY, counter) for counter in range(10)] == expected


def test_six_digit_codes_keep_leading_zeros():
    # 1111111109 gives 07081804 with eight digits: its six-digit form is the last six.
    assert totp.totp(SHA1_KEY, 1111111109) == "081804"


def test_a_code_matches_its_own_step_and_one_either_side_only():
    secret, now = totp.new_secret(), 1_800_000_000.0
    step = totp.time_step(now)
    for delta in (-1, 0, 1):
        assert totp.matching_step(secret, totp.hotp(secret, step + delta), now) == step + delta
    for delta in (-3, -2, 2, 3):
        assert totp.matching_step(secret, totp.hotp(secret, step + delta), now) is None


@pytest.mark.parametrize("code", ["", "12345", "1234567", "abcdef", "12 34 5x", "١٢٣٤٥٦"])
def test_malformed_codes_never_match(code):
    assert totp.matching_step(SHA1_KEY, code, 59) is None


def test_spaces_in_a_typed_code_are_ignored():
    code = totp.totp(SHA1_KEY, 59)
    assert totp.matching_step(SHA1_KEY, f"{code[:3]} {code[3:]}", 59) == 1


def test_provisioning_uri_carries_the_secret_issuer_and_account():
    secret = bytes(range(20))
    uri = totp.provisioning_uri(secret, account="eva de vos", issuer="Tribune Sport")
    parts = urlsplit(uri)
    assert (parts.scheme, parts.netloc) == ("otpauth", "totp")
    assert parts.path == "/Tribune%20Sport%3Aeva%20de%20vos"
    query = parse_qs(parts.query)
    assert query["secret"] == [totp.b32(secret)]
    assert query["issuer"] == ["Tribune Sport"]
    assert (query["digits"], query["period"], query["algorithm"]) == (["6"], ["30"], ["SHA1"])
    assert "=" not in totp.b32(secret)
