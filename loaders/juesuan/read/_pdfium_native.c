/* A PDF page's characters and path objects read from PDFium in one call each.

pdf_objects reads the same through ctypes, one foreign call per field of each character and of
each path segment (~1 us a call: most of what reading a page cost after PDFium's own work). Here
the loops run in C: `chars` returns pdfplumber's char dicts, `paths` each subpath classed as
pdfminer classes it. They follow pdf_objects._python_chars, _python_paths and _classify, which
run where this was not built, rule for rule and operation for operation, so the two readers differ
only in speed (tests/loaders/pdf/test_pdf_engines.py compares them on every page of every PDF in
the repository and on a page of shapes those lack).

PDFium is not linked: pypdfium2 loads its own library, and its functions' addresses are passed
in. Arithmetic is in double precision in the Python reader's order (built with -ffp-contract=off,
so no fused multiply-add): equal inputs give equal bits. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

typedef struct { float left, top, right, bottom; } RectF;  /* FS_RECTF */
typedef struct { float a, b, c, d, e, f; } MatrixF;        /* FS_MATRIX */

typedef int (*count_fn)(void *);
typedef int (*int_at_fn)(void *, int);
typedef unsigned int (*uint_at_fn)(void *, int);
typedef void *(*pointer_at_fn)(void *, int);
typedef int (*box_fn)(void *, int, RectF *);
typedef int (*origin_fn)(void *, int, double *, double *);
typedef int (*type_fn)(void *);
typedef int (*matrix_fn)(void *, MatrixF *);
typedef int (*point_fn)(void *, float *, float *);
typedef int (*char_matrix_fn)(void *, int, MatrixF *);
typedef double (*font_size_fn)(void *, int);

#define PATH 2
#define FORM 5
#define MOVETO 2
#define LINETO 0
#define BEZIERTO 1

typedef void *(*font_fn)(void *);
typedef int (*descent_fn)(void *, float, float *);

/* The keys of a character's dict, in pdf_objects._python_chars's order. */
enum { TEXT, X0, X1, Y0, Y1, TOP, BOTTOM, DOCTOP, WIDTH, HEIGHT, SIZE, UPRIGHT, OBJECT_TYPE, PAGE_NUMBER, MATRIX, KEYS };
static const char *key_names[KEYS] = {"text", "x0", "x1", "y0", "y1", "top", "bottom", "doctop", "width",
                                      "height", "size", "upright", "object_type", "page_number", "matrix"};
static PyObject *keys[KEYS];
static PyObject *char_type;

typedef struct {
    void *font;
    double size;
    double descent;
} Descent;

/* chars(count, is_generated, unicode, text_object, loose_box, origin, matrix, font_size, font,
   descent, textpage, height, doctop, page_number) -> pdfplumber's char dicts, as
   pdf_objects._python_chars makes them (the rules are explained there). */
static PyObject *chars(PyObject *self, PyObject *args) {
    unsigned long long page, f_count, f_generated, f_unicode, f_object, f_box, f_origin, f_matrix, f_size,
        f_font, f_descent;
    double height, doctop;
    int number;
    if (!PyArg_ParseTuple(args, "KKKKKKKKKKKddi", &f_count, &f_generated, &f_unicode, &f_object, &f_box, &f_origin,
                          &f_matrix, &f_size, &f_font, &f_descent, &page, &height, &doctop, &number))
        return NULL;
    void *textpage = (void *)(uintptr_t)page;
    int n = ((count_fn)(uintptr_t)f_count)(textpage);
    PyObject *out = PyList_New(0), *page_number = PyLong_FromLong(number);
    PyObject *matrix = NULL; /* the last text object's style */
    void *style_object = NULL;
    int upright = 0, has_descent = 0;
    double size = 0, descent = 0;
    Descent descents[64];
    int n_descents = 0;
    if (out == NULL || page_number == NULL) goto fail;
    for (int i = 0; i < n; i++) {
        if (((int_at_fn)(uintptr_t)f_generated)(textpage, i)) continue;
        unsigned int code = ((uint_at_fn)(uintptr_t)f_unicode)(textpage, i);
        if (code == 0 || code == 0xFFFE || code == 0xFFFF) continue;
        void *object = ((pointer_at_fn)(uintptr_t)f_object)(textpage, i);
        RectF box = {0, 0, 0, 0};
        double ox = 0, oy = 0;
        ((box_fn)(uintptr_t)f_box)(textpage, i, &box);
        ((origin_fn)(uintptr_t)f_origin)(textpage, i, &ox, &oy);
        if (matrix == NULL || object == NULL || object != style_object) {
            MatrixF m = {0, 0, 0, 0, 0, 0};
            ((char_matrix_fn)(uintptr_t)f_matrix)(textpage, i, &m);
            double a = m.a, b = m.b, c = m.c, d = m.d;
            size = ((font_size_fn)(uintptr_t)f_size)(textpage, i);
            upright = 0 < a * d && b * c <= 0;
            has_descent = upright && b == 0 && c == 0;
            if (has_descent) {
                size *= d;
                void *font = ((font_fn)(uintptr_t)f_font)(object);
                int k = 0;
                while (k < n_descents && !(descents[k].font == font && descents[k].size == size)) k++;
                if (k == n_descents) {
                    float value = 0;
                    ((descent_fn)(uintptr_t)f_descent)(font, (float)size, &value);
                    if (n_descents < 64) n_descents++;
                    else k = 63;  /* past 64 fonts and sizes, the last slot is read again: the same value */
                    descents[k].font = font;
                    descents[k].size = size;
                    descents[k].descent = value;
                }
                descent = descents[k].descent;
            }
            Py_XDECREF(matrix);
            matrix = Py_BuildValue("(dddddd)", a, b, c, d, (double)m.e, (double)m.f);
            style_object = object;
            if (matrix == NULL) goto fail;
        }
        double x0 = box.left, x1 = box.right, y0 = box.bottom, y1 = box.top;
        if (has_descent) {
            y0 = oy + descent;
            y1 = y0 + size;
        }
        PyObject *values[KEYS] = {
            PyUnicode_FromOrdinal((int)code), PyFloat_FromDouble(x0), PyFloat_FromDouble(x1),
            PyFloat_FromDouble(y0), PyFloat_FromDouble(y1), PyFloat_FromDouble(height - y1),
            PyFloat_FromDouble(height - y0), PyFloat_FromDouble(doctop + height - y1),
            PyFloat_FromDouble(x1 - x0), PyFloat_FromDouble(y1 - y0), PyFloat_FromDouble(size),
            PyBool_FromLong(upright), Py_NewRef(char_type), Py_NewRef(page_number), Py_NewRef(matrix),
        };
        PyObject *item = PyDict_New();
        int failed = item == NULL;
        for (int k = 0; k < KEYS; k++) {
            if (!failed && (values[k] == NULL || PyDict_SetItem(item, keys[k], values[k]) < 0)) failed = 1;
            Py_XDECREF(values[k]);
        }
        if (failed || PyList_Append(out, item) < 0) {
            Py_XDECREF(item);
            goto fail;
        }
        Py_DECREF(item);
    }
    Py_XDECREF(matrix);
    Py_DECREF(page_number);
    return out;
fail:
    Py_XDECREF(matrix);
    Py_XDECREF(page_number);
    Py_XDECREF(out);
    return NULL;
}

/* One subpath as pdf_objects._classify classes it (as pdfminer's paint_path does): (kind, x0, x1,
   y0, y1, pts), kind "line", "rect" or "curve", pts with y from the top of the page; Py_None for a
   move alone. The arrays may be shortened in place. */
static PyObject *classify(char *ops, double *xs, double *ys, Py_ssize_t n, double height) {
    if (n < 2) Py_RETURN_NONE;
    if (n > 3 && ops[n - 2] == 'l' && ops[n - 1] == 'h' && xs[n - 2] == xs[0] && ys[n - 2] == ys[0]) {
        ops[n - 2] = 'h';  /* a line back to the start before the close adds nothing */
        n--;
    }
    const char *kind = "curve";
    double rect_xs[4], rect_ys[4];
    if ((n == 2 && strncmp(ops, "ml", 2) == 0) || (n == 3 && strncmp(ops, "mlh", 3) == 0)) {
        kind = "line";
        n = 2;
    } else if (n == 5 && (strncmp(ops, "mlllh", 5) == 0 || strncmp(ops, "mllll", 5) == 0)) {
        int square = (xs[0] == xs[1] && ys[1] == ys[2] && xs[2] == xs[3] && ys[3] == ys[0]) ||
                     (ys[0] == ys[1] && xs[1] == xs[2] && ys[2] == ys[3] && xs[3] == xs[0]);
        if (xs[4] == xs[0] && ys[4] == ys[0] && square) {
            kind = "rect";
            /* LTRect's corners from two opposite ones */
            rect_xs[0] = xs[0]; rect_ys[0] = ys[0];
            rect_xs[1] = xs[2]; rect_ys[1] = ys[0];
            rect_xs[2] = xs[2]; rect_ys[2] = ys[2];
            rect_xs[3] = xs[0]; rect_ys[3] = ys[2];
            xs = rect_xs;
            ys = rect_ys;
            n = 4;
        }
    }
    /* Python's min and max: the first value, replaced only by a strictly smaller (larger) one. */
    double x0 = xs[0], x1 = xs[0], y0 = ys[0], y1 = ys[0];
    for (Py_ssize_t k = 1; k < n; k++) {
        if (xs[k] < x0) x0 = xs[k];
        if (xs[k] > x1) x1 = xs[k];
        if (ys[k] < y0) y0 = ys[k];
        if (ys[k] > y1) y1 = ys[k];
    }
    PyObject *pts = PyList_New(n);
    if (pts == NULL) return NULL;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *point = Py_BuildValue("(dd)", xs[k], height - ys[k]);
        if (point == NULL) {
            Py_DECREF(pts);
            return NULL;
        }
        PyList_SET_ITEM(pts, k, point);
    }
    return Py_BuildValue("(sddddN)", kind, x0, x1, y0, y1, pts);
}

typedef struct {
    char *ops;
    double *xs, *ys;
    Py_ssize_t n, capacity;
} Subpath;

static int subpath_add(Subpath *sub, char op, double x, double y) {
    if (sub->n == sub->capacity) {
        Py_ssize_t capacity = sub->capacity ? sub->capacity * 2 : 16;
        char *ops = PyMem_Realloc(sub->ops, capacity);
        if (ops == NULL) return -1;
        sub->ops = ops;
        double *xs = PyMem_Realloc(sub->xs, capacity * sizeof(double));
        if (xs == NULL) return -1;
        sub->xs = xs;
        double *ys = PyMem_Realloc(sub->ys, capacity * sizeof(double));
        if (ys == NULL) return -1;
        sub->ys = ys;
        sub->capacity = capacity;
    }
    sub->ops[sub->n] = op;
    sub->xs[sub->n] = x;
    sub->ys[sub->n] = y;
    sub->n++;
    return 0;
}

static int subpath_emit(Subpath *sub, PyObject *out, double height) {
    if (sub->n == 0) return 0;
    PyObject *item = classify(sub->ops, sub->xs, sub->ys, sub->n, height);
    sub->n = 0;
    if (item == NULL) return -1;
    int result = item == Py_None ? 0 : PyList_Append(out, item);
    Py_DECREF(item);
    return result;
}

/* paths(count_objects, get_object, object_type, object_matrix, count_segments, get_segment,
   segment_point, segment_type, segment_close, page, height) -> None where the page has a form
   XObject, else every subpath of its path objects in order, classed by `classify`: the rules of
   pdf_objects._python_paths, explained there. */
static PyObject *paths(PyObject *self, PyObject *args) {
    unsigned long long page_address, f_count_objects, f_get_object, f_object_type, f_matrix,
        f_count_segments, f_get_segment, f_point, f_segment_type, f_close;
    double height;
    if (!PyArg_ParseTuple(args, "KKKKKKKKKKd", &f_count_objects, &f_get_object, &f_object_type, &f_matrix,
                          &f_count_segments, &f_get_segment, &f_point, &f_segment_type, &f_close, &page_address,
                          &height))
        return NULL;
    void *page = (void *)(uintptr_t)page_address;
    int n = ((count_fn)(uintptr_t)f_count_objects)(page);
    for (int k = 0; k < n; k++) {
        void *object = ((pointer_at_fn)(uintptr_t)f_get_object)(page, k);
        if (((type_fn)(uintptr_t)f_object_type)(object) == FORM) Py_RETURN_NONE;
    }
    PyObject *out = PyList_New(0);
    Subpath sub = {NULL, NULL, NULL, 0, 0};
    if (out == NULL) return NULL;
    for (int k = 0; k < n; k++) {
        void *object = ((pointer_at_fn)(uintptr_t)f_get_object)(page, k);
        if (((type_fn)(uintptr_t)f_object_type)(object) != PATH) continue;
        MatrixF m = {0, 0, 0, 0, 0, 0};
        ((matrix_fn)(uintptr_t)f_matrix)(object, &m);
        double a = m.a, b = m.b, c = m.c, d = m.d, e = m.e, f = m.f;
        int count = ((count_fn)(uintptr_t)f_count_segments)(object);
        int curve_run = 0;
        for (int s = 0; s < count; s++) {
            void *segment = ((pointer_at_fn)(uintptr_t)f_get_segment)(object, s);
            int kind = ((type_fn)(uintptr_t)f_segment_type)(segment);
            if (s == 0 && kind != MOVETO) break; /* pdfminer draws nothing of a path that does not start with a move */
            /* a Bezier curve is three segments, two control points and its end: pdfminer keeps the end */
            curve_run = kind == BEZIERTO ? curve_run + 1 : 0;
            if (curve_run % 3) continue;
            float x = 0, y = 0;
            ((point_fn)(uintptr_t)f_point)(segment, &x, &y);
            double px = a * (double)x + c * (double)y + e;
            double py = b * (double)x + d * (double)y + f;
            if (kind == MOVETO && subpath_emit(&sub, out, height) < 0) goto fail;
            if (subpath_add(&sub, kind == MOVETO ? 'm' : kind == LINETO ? 'l' : 'c', px, py) < 0) goto fail;
            if (((type_fn)(uintptr_t)f_close)(segment) && subpath_add(&sub, 'h', sub.xs[0], sub.ys[0]) < 0) goto fail;
        }
        if (subpath_emit(&sub, out, height) < 0) goto fail;
    }
    PyMem_Free(sub.ops);
    PyMem_Free(sub.xs);
    PyMem_Free(sub.ys);
    return out;
fail:
    PyMem_Free(sub.ops);
    PyMem_Free(sub.xs);
    PyMem_Free(sub.ys);
    Py_DECREF(out);
    if (!PyErr_Occurred()) PyErr_NoMemory();
    return NULL;
}

static PyMethodDef methods[] = {
    {"chars", chars, METH_VARARGS, "A text page's characters as pdfplumber's char dicts."},
    {"paths", paths, METH_VARARGS, "A page's subpaths classed as pdfminer classes them, or None where it has a form XObject."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_pdfium_native", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__pdfium_native(void) {
    for (int k = 0; k < KEYS; k++) {
        keys[k] = PyUnicode_InternFromString(key_names[k]);
        if (keys[k] == NULL) return NULL;
    }
    char_type = PyUnicode_InternFromString("char");
    if (char_type == NULL) return NULL;
    return PyModule_Create(&module);
}
