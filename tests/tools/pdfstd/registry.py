"""What a check is, the list of them, and the report their findings go to.

A check has an id that says whose rule it is:
  MH-nn-nnn   a machine-checkable checkpoint of the Matterhorn Protocol 1.1 (PDF/UA-1)
  A2-6.x.x-n  a rule of ISO 19005-2 (PDF/A-2), numbered as the veraPDF rules are
  UA1-...     an ISO 14289-1 (or ISO 32000-1 tagged PDF) requirement Matterhorn has no
              machine checkpoint for
  PP-...      a rule postpress sets itself (issue 23), with the standard it serves
"""
from dataclasses import dataclass

PROFILES = ("ua1", "a2b", "a2u")
UA1 = frozenset({"ua1"})
A2 = frozenset({"a2b", "a2u"})
A2U = frozenset({"a2u"})


@dataclass(frozen=True)
class Check:
    id: str
    profiles: frozenset
    clause: str      # the standard's clause, as printed with each failure
    title: str
    run: object      # run(doc, fail): fail(message, page=None, obj=None) for each failure


REGISTRY = []


def check(id, profiles, clause, title):
    def register(run):
        if any(c.id == id for c in REGISTRY):
            raise ValueError(f"check {id} registered twice")
        REGISTRY.append(Check(id, frozenset(profiles), clause, title, run))
        return run
    return register


@dataclass
class Finding:
    check: Check
    message: str
    page: object = None   # 0-based page index
    obj: object = None    # "12 0 R"


class Report:
    def __init__(self, max_lines):
        self.max_lines = max_lines
        self.findings = {}   # check id -> [Finding]
        self.ran = []
        self.crashed = {}    # check id -> error text

    def run(self, doc, checks):
        for c in checks:
            self.ran.append(c)
            found = self.findings.setdefault(c.id, [])
            try:
                c.run(doc, lambda message, page=None, obj=None: found.append(Finding(c, message, page, obj)))
            except Exception as e:  # a check that cannot read the file fails, and says why
                self.crashed[c.id] = f"{type(e).__name__}: {e}"
                found.append(Finding(c, f"the check could not run: {type(e).__name__}: {e}"))

    def failed(self):
        return [c for c in self.ran if self.findings.get(c.id)]

    def lines(self):
        for c in self.ran:
            found = self.findings.get(c.id, [])
            for f in found[:self.max_lines]:
                where = []
                if f.page is not None:
                    where.append(f"page {f.page + 1}")
                if f.obj:
                    where.append(f"obj {f.obj}")
                at = f" {', '.join(where)}:" if where else ":"
                yield f"FAIL {c.id} [{c.clause}]{at} {f.message}"
            if len(found) > self.max_lines:
                yield f"FAIL {c.id} [{c.clause}]: ... and {len(found) - self.max_lines} more like these"

    def summary(self, path, profiles):
        failed = self.failed()
        verdict = "FAIL" if failed else "PASS"
        text = (f"{verdict} {path} ({', '.join(profiles)}): {len(self.ran) - len(failed)} checks passed, "
                f"{len(failed)} failed")
        if failed:
            text += ": " + " ".join(c.id for c in failed)
        return text
