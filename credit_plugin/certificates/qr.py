"""The QR code on a certificate: the verification URL encoded with segno, drawn as vector squares."""
import segno

# Four modules of light margin around the symbol, as the QR standard asks, so phones find it.
QUIET_ZONE = 4


def qr_modules(data: str) -> tuple[tuple[bool, ...], ...]:
    """The dark (True) and light modules of the QR code for ``data``, without the quiet zone."""
    # Error correction M (15 %), raised if the symbol has room: a printed page gets scuffed.
    code = segno.make_qr(data, error="m", boost_error=True)
    return tuple(tuple(bool(module) for module in row) for row in code.matrix)


def draw_qr(canvas, data: str, *, x: float, y: float, size: float) -> None:
    """Draw the QR code for ``data`` with its quiet zone filling the square of ``size`` at (``x``, ``y``)."""
    modules = qr_modules(data)
    count = len(modules) + 2 * QUIET_ZONE
    step = size / count
    path = canvas.beginPath()
    for row_number, row in enumerate(modules):
        top = y + size - (QUIET_ZONE + row_number) * step
        column = 0
        while column < len(row):
            if not row[column]:
                column += 1
                continue
            start = column
            while column < len(row) and row[column]:
                column += 1
            # One rectangle per run of dark modules keeps the page stream small.
            path.rect(x + (QUIET_ZONE + start) * step, top - step, (column - start) * step, step)
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
