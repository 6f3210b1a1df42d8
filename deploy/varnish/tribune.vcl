# Tribune behind Varnish: public pages kept for s-maxage and purged by cache tag (xkey).
#
# Debian: apt-get install varnish varnish-modules (the xkey vmod). Copy this file to
# /etc/varnish/default.vcl and point the backends at the app servers (one `backend` block
# and one add_backend line per server). Where Varnish sits (between nginx and the app servers),
# and why: docs/delivery.md. tribune/delivery/tests/test_varnish.py starts real
# varnishd with this file in front of the app.
#
# What the app does for Varnish: public answers say `Cache-Control: public, max-age=0,
# s-maxage=60, stale-while-revalidate=30, stale-if-error=86400` and list their cache
# tags in an `xkey` header (`a12 all nav r12 s3`); after each commit that changes
# content, tribune.delivery.purge.VarnishPurger sends `PURGE /` with `xkey-purge: <tags>`
# (set TRIBUNE_VARNISH_URLS). Personal requests are never looked up or stored.

vcl 4.1;

import directors;
import std;
import xkey;

# The app servers. A fetch goes to the next one in turn; one that fails (refused, reset,
# timed out before answering) is retried once on the next, for reads only (vcl_backend_error).
backend app_1 {
    .host = "127.0.0.1";
    .port = "8001";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

backend app_2 {
    .host = "127.0.0.1";
    .port = "8002";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

sub vcl_init {
    # No health probe: the only health URL (/gezond/) also checks the database, and with the
    # database down every server would be marked sick, so readers would get Varnish's bare
    # 503 instead of the app's designed one. A dead server costs one retry instead.
    new tribune_apps = directors.round_robin();
    tribune_apps.add_backend(app_1);
    tribune_apps.add_backend(app_2);
}

# Who may purge: the app servers. Add their addresses when they run on other machines.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = tribune_apps.backend();
    # Set by this file only (the restarts below), never by a client.
    if (req.restarts == 0) {
        unset req.http.X-Tribune-Stale;
    }
    unset req.http.X-Tribune-Encoding;

    if (req.method == "PURGE") {
        call tribune_purge;
    }

    # Personal: a login session, a message waiting to be shown ("Bedankt" after a comment),
    # credentials, the newsroom, documents. Never looked up, never stored (policy.py says the same).
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization
        || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=[^;]"
        || req.url ~ "^/(redactie|documenten)/") {
        return (pass);
    }
    # Every other cookie (tribune_lezer, csrftoken, analytics) changes nothing on a public
    # page: drop them so every reader shares one copy (and the builtin does not pass).
    unset req.http.Cookie;

    # One copy per encoding the app sends (br, gzip or none), not per browser's header;
    # vcl_backend_fetch asks the app for exactly that encoding (see there).
    if (req.http.Accept-Encoding ~ "(?i)(^|[\s,])br([\s,;]|$)") {
        set req.http.X-Tribune-Encoding = "br";
    } elsif (req.http.Accept-Encoding ~ "(?i)(^|[\s,])gzip([\s,;]|$)") {
        set req.http.X-Tribune-Encoding = "gzip";
    } else {
        set req.http.X-Tribune-Encoding = "identity";
    }

    # stale-while-revalidate: an expired copy is served for this long while one request
    # fetches a new one in the background (TRIBUNE_CACHE_STALE_SECONDS). Objects are kept
    # much longer (beresp.grace = stale-if-error) for when the app fails: see vcl_synth.
    if (req.http.X-Tribune-Stale) {
        set req.grace = 365d;  # req.grace outlives a restart; now only the object's grace counts
    } else {
        set req.grace = 30s;
    }
    # Falls through to the builtin vcl_recv: host lower-cased, then looked up.
}

sub tribune_purge {
    if (client.ip !~ purgers) {
        return (synth(403, "Forbidden"));
    }
    # By tag (what VarnishPurger sends). A hard purge: the next reader gets the new page,
    # never the old one once more. Concurrent requests for a purged page wait for one fetch
    # (request coalescing), and that fetch is answered by the app's own cache or a render.
    if (req.http.xkey-purge) {
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
    }
    # Soft purge: the old copy is still served (grace) while one request fetches the new one.
    if (req.http.xkey-softpurge) {
        set req.http.n-gone = xkey.softpurge(req.http.xkey-softpurge);
        return (synth(200, "Softpurged " + req.http.n-gone + " objects"));
    }
    # By URL (`PURGE /path`, same Host): each encoding is a separate object, so purge all
    # three, one per restart (vcl_purge restarts).
    if (req.restarts == 0) {
        set req.http.X-Tribune-Encoding = "identity";
    } elsif (req.restarts == 1) {
        set req.http.X-Tribune-Encoding = "gzip";
    } else {
        set req.http.X-Tribune-Encoding = "br";
    }
    return (purge);
}

sub vcl_hash {
    hash_data(req.http.X-Tribune-Encoding);
    # Behind a TLS terminator, http and https pages differ (absolute links).
    hash_data(req.http.X-Forwarded-Proto);
    # Falls through to the builtin: URL and Host.
}

sub vcl_purge {
    if (req.http.X-Tribune-Encoding != "br") {
        return (restart);
    }
    return (synth(200, "Purged"));
}

sub vcl_backend_fetch {
    # Varnish would ask for gzip only (http_gzip_support). Ask for the encoding this copy is
    # for instead: the app compresses (and Tribune's own cache keeps br and gzip copies
    # ready), Varnish stores what it gets and never compresses itself.
    # The br copy asks for "br, gzip": without its own cache (TRIBUNE_PAGE_CACHE off) the app
    # only gzips, and a gzip copy is still better than a plain one.
    if (bereq.http.X-Tribune-Encoding == "identity") {
        unset bereq.http.Accept-Encoding;
    } elsif (bereq.http.X-Tribune-Encoding == "br") {
        set bereq.http.Accept-Encoding = "br, gzip";
    } elsif (bereq.http.X-Tribune-Encoding) {
        set bereq.http.Accept-Encoding = bereq.http.X-Tribune-Encoding;
    }
    unset bereq.http.X-Tribune-Encoding;
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);  # a pass: the answer goes to the one reader
    }
    # The app (or the machine) fails: keep serving the copy we have (stale-if-error). A
    # background refresh just gives up; a reader's own fetch restarts (vcl_synth) and gets
    # the stale copy, or, when there is none, this error on the second try.
    if (beresp.status >= 500 && (bereq.is_bgfetch || !bereq.http.X-Tribune-Stale)) {
        return (abandon);
    }
    # Personal or not meant for shared caches: never stored. Remembered as "hit-for-miss"
    # for a short while, so these URLs skip the waiting list; a cacheable answer replaces it.
    if (beresp.ttl <= 0s
        || beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Vary == "*") {
        set beresp.ttl = 10s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Varnish takes the TTL from s-maxage (60 s) and the grace from stale-while-revalidate
    # (30 s); it ignores stale-if-error. Keep the object for that long instead (24 h): the
    # 30 s for normal use is req.grace in vcl_recv. A refresh in grace sends If-None-Match
    # from the old copy, so an unchanged page costs the app a 304.
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"), 24h);
    }
    return (deliver);
}

sub vcl_backend_error {
    # The server did not answer at all (a worker killed mid-request, a server down): a read
    # goes once more to the next server, as nginx's proxy_next_upstream does. Never a POST:
    # the first server may have written it, and sending it again could write it twice.
    if (bereq.retries < 1 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    # Both failed: as for a 5xx above.
    if (!bereq.uncacheable && (bereq.is_bgfetch || !bereq.http.X-Tribune-Stale)) {
        return (abandon);
    }
}

sub vcl_synth {
    # A reader's fetch was abandoned (the app failed): look again, this time accepting a
    # copy up to its full grace (stale-if-error).
    if (resp.status == 503 && !req.http.X-Tribune-Stale
        && (req.method == "GET" || req.method == "HEAD")) {
        set req.http.X-Tribune-Stale = "1";
        return (restart);
    }
}

sub vcl_deliver {
    # Cache tags are for caches, not browsers.
    unset resp.http.xkey;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        if (obj.ttl < 0s) {
            set resp.http.X-Cache = "STALE";
        } else {
            set resp.http.X-Cache = "HIT";
        }
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
