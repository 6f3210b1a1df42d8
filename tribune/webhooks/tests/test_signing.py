import time

from tribune.webhooks.signing import sign, verify_signature

BODY = b'{"event":"article.published"}'


def test_round_trip():
    now = int(time.time())
    signature = sign(secret="geheim", timestamp=now, body=BODY)
    assert signature.startswith("sha256=") and len(signature) == 7 + 64
    assert verify_signature(secret="geheim", timestamp=str(now), body=BODY, signature=signature)


def test_wrong_secret_body_or_old_timestamp_fails():
    now = int(time.time())
    signature = sign(secret="geheim", timestamp=now, body=BODY)
    assert not verify_signature(secret="ander", timestamp=now, body=BODY, signature=signature)
    assert not verify_signature(secret="geheim", timestamp=now, body=BODY + b" ", signature=signature)
    assert not verify_signature(secret="geheim", timestamp=now + 1, body=BODY, signature=signature)
    old = now - 301
    assert not verify_signature(
        secret="geheim", timestamp=old, body=BODY, signature=sign(secret="geheim", timestamp=old, body=BODY)
    )
    assert not verify_signature(secret="geheim", timestamp="gisteren", body=BODY, signature=signature)
