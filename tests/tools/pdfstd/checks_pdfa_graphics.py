"""PDF/A-2 checks on graphics (ISO 19005-2 6.2): content stream operators and resources, the
PDF/A output intent and its ICC profile, colour spaces, extended graphics states, rendering
intents, images, XObjects and transparency."""
import pikepdf

from .fonts import name_of
from .registry import A2, check

INTENTS = {"RelativeColorimetric", "AbsoluteColorimetric", "Perceptual", "Saturation"}
BLEND_MODES = {"Normal", "Compatible", "Multiply", "Screen", "Overlay", "Darken", "Lighten", "ColorDodge",
               "ColorBurn", "HardLight", "SoftLight", "Difference", "Exclusion", "Hue", "Saturation", "Color",
               "Luminosity"}
ICC_SPACES = {b"RGB ": "RGB", b"GRAY": "GRAY", b"CMYK": "CMYK", b"Lab ": "LAB"}
ICC_COMPONENTS = {"RGB": 3, "GRAY": 1, "CMYK": 4, "LAB": 3}
DEVICE = {"DeviceRGB": "RGB", "DeviceGray": "GRAY", "DeviceCMYK": "CMYK"}


def icc_problem(stream, classes, spaces):
    """What is wrong with an ICC profile stream's header for PDF/A-2 ('' when nothing)."""
    try:
        data = stream.read_bytes()
    except pikepdf.PdfError as e:
        return f"the profile cannot be read ({e})"
    if len(data) < 132 or data[36:40] != b"acsp":
        return "not an ICC profile (no 'acsp' signature)"
    if int.from_bytes(data[0:4], "big") != len(data):
        return f"its header says {int.from_bytes(data[0:4], 'big')} bytes, the stream has {len(data)}"
    version = data[8] + (data[9] >> 4) / 10
    device_class = data[12:16].decode("latin-1")
    space = ICC_SPACES.get(data[16:20])
    if device_class not in classes or space not in spaces or version >= 5:
        return (f"device class '{device_class}', colour space '{data[16:20].decode('latin-1')}', "
                f"version {version:g} (needs {'/'.join(sorted(classes))}, {'/'.join(sorted(spaces))}, version < 5)")
    n = stream.get("/N")
    if n is not None and int(n) != ICC_COMPONENTS[space]:
        return f"/N {int(n)} does not match its {space} colour space"
    return ""


def _pdfa_intents(doc):
    intents = doc.catalog.get("/OutputIntents")
    items = list(intents) if isinstance(intents, pikepdf.Array) else []
    return [oi for oi in items if isinstance(oi, pikepdf.Dictionary) and name_of(oi.get("/S")) == "GTS_PDFA1"]


def output_space(doc):
    """The colour space of the PDF/A output intent's profile ('RGB', 'GRAY', 'CMYK'), or None."""
    for oi in _pdfa_intents(doc):
        profile = oi.get("/DestOutputProfile")
        if isinstance(profile, pikepdf.Stream):
            try:
                return ICC_SPACES.get(profile.read_bytes()[16:20])
            except pikepdf.PdfError:
                return None
    return None


# --- content streams -------------------------------------------------------------------------------

@check("A2-6.2.2-1", A2, "ISO 19005-2 6.2.2", "only operators ISO 32000-1 defines")
def operators(doc, fail):
    for i, scan in enumerate(doc.operator_scans):
        if scan.unknown_operators:
            fail(f"undefined operators {', '.join(sorted(scan.unknown_operators))}", page=i)


@check("A2-6.2.2-2", A2, "ISO 19005-2 6.2.2", "content streams have their own resources")
def own_resources(doc, fail):
    for i, page in enumerate(doc.pages):
        if "/Resources" not in page.obj:
            fail("the page inherits its /Resources (or has none)", page=i, obj=doc.page_ref(i))
        if doc.scans[i].missing_resources:
            fail(f"the content names resources it does not have: {', '.join(sorted(doc.scans[i].missing_resources))}",
                 page=i)


# --- output intent and colour ------------------------------------------------------------------------

@check("PP-output-intent", A2, "issue 23; ISO 19005-2 6.2.3", "a PDF/A output intent with an ICC profile")
def output_intent(doc, fail):
    if not any(isinstance(oi.get("/DestOutputProfile"), pikepdf.Stream) for oi in _pdfa_intents(doc)):
        fail("no /OutputIntents entry /S /GTS_PDFA1 with a /DestOutputProfile")


@check("A2-6.2.3-1", A2, "ISO 19005-2 6.2.3", "the output intent's ICC profile is a valid output profile")
def output_profile(doc, fail):
    for oi in _pdfa_intents(doc):
        profile = oi.get("/DestOutputProfile")
        if isinstance(profile, pikepdf.Stream):
            problem = icc_problem(profile, {"prtr", "mntr"}, {"RGB", "GRAY", "CMYK"})
            if problem:
                fail(f"DestOutputProfile: {problem}", obj=doc.ref(profile))


@check("A2-6.2.3-2", A2, "ISO 19005-2 6.2.3", "all output intents share one profile")
def one_profile(doc, fail):
    intents = doc.catalog.get("/OutputIntents")
    profiles = {p.objgen for oi in (intents if isinstance(intents, pikepdf.Array) else [])
                if isinstance(oi, pikepdf.Dictionary)
                for p in [oi.get("/DestOutputProfile")] if isinstance(p, pikepdf.Stream)}
    if len(profiles) > 1:
        fail(f"{len(profiles)} different DestOutputProfile streams")
    for oi in intents if isinstance(intents, pikepdf.Array) else []:
        if isinstance(oi, pikepdf.Dictionary) and "/DestOutputProfileRef" in oi:
            fail("an output intent with /DestOutputProfileRef")


def _spaces(space, out, depth=0):
    """Adds to `out` the (family, object) pairs a colour space is built from."""
    if depth > 8 or space is None:
        return
    if isinstance(space, str):
        out.append((space, None))
    elif isinstance(space, pikepdf.Name):
        out.append((name_of(space), None))
    elif isinstance(space, pikepdf.Array) and len(space):
        family = name_of(space[0])
        out.append((family, space))
        if family in ("Indexed", "Pattern") and len(space) > 1:
            _spaces(space[1], out, depth + 1)
        elif family in ("Separation", "DeviceN") and len(space) > 2:
            _spaces(space[2], out, depth + 1)  # the alternate space


def _used_spaces(doc, scan):
    out = []
    for space in scan.colour_spaces:
        _spaces(space, out)
    for image in doc.operator_scans[scan.index].inline_images:
        _spaces(image.get("/ColorSpace"), out)
    return out


@check("A2-6.2.4.2-1", A2, "ISO 19005-2 6.2.4.2", "ICCBased colour spaces carry valid profiles")
def icc_based(doc, fail):
    seen = set()
    for scan in doc.scans:
        for family, space in _used_spaces(doc, scan):
            if family == "ICCBased" and len(space) > 1 and isinstance(space[1], pikepdf.Stream):
                if space[1].objgen in seen:
                    continue
                seen.add(space[1].objgen)
                problem = icc_problem(space[1], {"prtr", "mntr", "scnr", "spac"}, {"RGB", "GRAY", "CMYK", "LAB"})
                if problem:
                    fail(f"ICCBased profile: {problem}", page=scan.index, obj=doc.ref(space[1]))


@check("A2-6.2.4.3", A2, "ISO 19005-2 6.2.4.3", "device colour spaces only under a matching output intent")
def device_spaces(doc, fail):
    intent = output_space(doc)
    for scan in doc.scans:
        resources = doc.pages[scan.index].obj.get("/Resources")
        spaces = resources.get("/ColorSpace") if isinstance(resources, pikepdf.Dictionary) else None
        defaults = set(str(k)[8:] for k in spaces.keys()) if isinstance(spaces, pikepdf.Dictionary) else set()
        used = {family for family, _ in _used_spaces(doc, scan) if family in DEVICE}
        for family in sorted(used):
            kind = DEVICE[family]
            allowed = intent is not None if kind == "GRAY" else intent == kind
            if not allowed and family[6:] not in defaults:
                need = "a PDF/A output intent" if kind == "GRAY" else f"a {kind} output intent"
                fail(f"{family} is used without {need} or a Default{family[6:]} colour space", page=scan.index)


# --- graphics states, intents, images, XObjects, transparency ------------------------------------------

@check("A2-6.2.5", A2, "ISO 19005-2 6.2.5", "no transfer functions or halftone overrides in ExtGState")
def ext_gstates(doc, fail):
    for scan in doc.scans:
        for state in scan.ext_gstates:
            where = doc.ref(state)
            if "/TR" in state:
                fail("an ExtGState with /TR", page=scan.index, obj=where)
            if "/TR2" in state and name_of(state.get("/TR2")) != "Default":
                fail("an ExtGState with /TR2 other than /Default", page=scan.index, obj=where)
            if "/HTP" in state:
                fail("an ExtGState with /HTP", page=scan.index, obj=where)
            halftone = state.get("/HT")
            if isinstance(halftone, (pikepdf.Dictionary, pikepdf.Stream)):
                if int(halftone.get("/HalftoneType", 0)) not in (1, 5) or "/HalftoneName" in halftone:
                    fail("a halftone of a type other than 1 or 5, or with /HalftoneName", page=scan.index, obj=where)


@check("A2-6.2.6-1", A2, "ISO 19005-2 6.2.6", "standard rendering intents")
def rendering_intents(doc, fail):
    for scan in doc.scans:
        intents = set(scan.intents)
        intents |= {name_of(s.get("/RI")) for s in scan.ext_gstates if "/RI" in s}
        intents |= {name_of(i.get("/Intent")) for i in scan.images if "/Intent" in i}
        bad = intents - INTENTS
        if bad:
            fail(f"rendering intents {', '.join(sorted(bad))}", page=scan.index)


@check("A2-6.2.8", A2, "ISO 19005-2 6.2.8", "images without Alternates, OPI or Interpolate true")
def images(doc, fail):
    for scan in doc.scans:
        for image in scan.images:
            for key in ("/Alternates", "/OPI"):
                if key in image:
                    fail(f"an image with {key}", page=scan.index, obj=doc.ref(image))
            if image.get("/Interpolate") is True:
                fail("an image with /Interpolate true", page=scan.index, obj=doc.ref(image))
    for i, scan in enumerate(doc.operator_scans):
        for image in scan.inline_images:
            if image.get("/Interpolate") is True:
                fail("an inline image with /Interpolate true", page=i)


@check("A2-6.2.9", A2, "ISO 19005-2 6.2.9", "no reference, PostScript or OPI XObjects")
def xobjects(doc, fail):
    for scan in doc.scans:
        for form in scan.forms:
            subtype = name_of(form.get("/Subtype"))
            if subtype == "PS" or name_of(form.get("/Subtype2")) == "PS" or "/PS" in form:
                fail("a PostScript XObject", page=scan.index, obj=doc.ref(form))
            elif "/Ref" in form:
                fail("a reference XObject", page=scan.index, obj=doc.ref(form))
            elif "/OPI" in form:
                fail("a form XObject with /OPI", page=scan.index, obj=doc.ref(form))


@check("A2-6.2.10-1", A2, "ISO 19005-2 6.2.10", "standard blend modes only")
def blend_modes(doc, fail):
    for scan in doc.scans:
        for state in scan.ext_gstates:
            blend = state.get("/BM")
            modes = list(blend) if isinstance(blend, pikepdf.Array) else [blend] if blend is not None else []
            bad = [name_of(m) for m in modes if name_of(m) not in BLEND_MODES]
            if bad:
                fail(f"blend mode /{bad[0]}", page=scan.index, obj=doc.ref(state))


@check("A2-6.2.10-2", A2, "ISO 19005-2 6.2.10", "transparency has a blending colour space")
def transparency_space(doc, fail):
    if output_space(doc) is not None:
        return
    for scan in doc.scans:
        group = doc.pages[scan.index].obj.get("/Group")
        if scan.transparency and not (isinstance(group, pikepdf.Dictionary) and "/CS" in group):
            fail("the page uses transparency with neither a PDF/A output intent nor a page group /CS",
                 page=scan.index)
