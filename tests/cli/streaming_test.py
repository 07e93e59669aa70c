"""`sstk convert --list --from csv` streams: a CSV much larger than the memory bound converts
row by row. Usage: streaming_test.py SSTK [MAX_RSS_MB] (0 or absent: no memory bound, e.g. under
AddressSanitizer, whose shadow memory makes RSS meaningless; the output is checked either way)."""

import os
import resource
import subprocess
import sys
import threading

ROWS = int(os.environ.get("SSTK_STREAM_ROWS", "1000000"))
HEADER = b"NewPassword,ConfirmPassword,Token,ApplianceId,SubdomainName\r\n"


def row(i):
    # a quoted cell with the separator and a doubled quote, a Guid in N form, an empty (null) cell
    return b'pw%d,"a,b ""c""",tok%d,%032x,\r\n' % (i, i, i)


def main():
    tool = sys.argv[1]
    max_rss_mb = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    p = subprocess.Popen([tool, "convert", "--type", "PasswordReset", "--list", "--from", "csv", "--to", "json"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sent = [0]

    def feed():
        p.stdin.write(HEADER)
        batch = []
        for i in range(ROWS):
            batch.append(row(i))
            if len(batch) == 5000:
                data = b"".join(batch)
                sent[0] += len(data)
                p.stdin.write(data)
                batch = []
        if batch:
            p.stdin.write(b"".join(batch))
        p.stdin.close()

    t = threading.Thread(target=feed)
    t.start()
    # count the output instead of keeping it: the checker must stay small too
    first = p.stdout.read(200)
    total = len(first)
    commas_at_top = first.count(b"},{")
    tail = first
    while True:
        chunk = p.stdout.read(1 << 20)
        if not chunk:
            break
        total += len(chunk)
        # two bytes of the previous chunk: a separator split across reads is counted once
        commas_at_top += (tail[-2:] + chunk).count(b"},{")
        tail = (tail + chunk)[-200:]
    t.join()
    err = p.stderr.read().decode()
    code = p.wait()
    assert code == 0, (code, err)
    expected_first = b'[{"NewPassword":"pw0","ConfirmPassword":"a,b \\"c\\"","Token":"tok0","ApplianceId":"00000000000000000000000000000000"}'
    assert first.startswith(expected_first), first
    assert commas_at_top == ROWS - 1, commas_at_top
    assert tail.endswith(b'"Token":"tok%d","ApplianceId":"%032x"}]' % (ROWS - 1, ROWS - 1)), tail
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    input_mb = (sent[0] + len(HEADER)) / 1e6
    print("rows %d, input %.1f MB, output %.1f MB, tool max RSS %.1f MB" % (ROWS, input_mb, total / 1e6, rss_mb))
    if max_rss_mb:
        assert input_mb > 2 * max_rss_mb, "the input must dwarf the bound for the test to mean anything"
        assert rss_mb < max_rss_mb, "max RSS %.1f MB >= %d MB: the conversion is not streaming" % (rss_mb, max_rss_mb)


if __name__ == "__main__":
    main()
