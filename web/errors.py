"""Error pages: every error a visitor can cause gets an HTML page that says what to do next."""

from __future__ import annotations

from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException

from web.templating import templates

_ADVICE: dict[int, str] = {
    404: "This page does not exist. Check the address, or go back to the feed.",
    405: "This address cannot be used that way. Go back to the feed.",
}


def error_page(request: Request, status: int, messages: list[str]) -> HTMLResponse:
    """The error template for `status` with `messages` (plain text, escaped by the template)."""
    context = {"status": status, "phrase": HTTPStatus(status).phrase, "messages": messages}
    return templates.TemplateResponse(request, "error.html", context, status_code=status)


async def http_error(request: Request, exc: HTTPException) -> HTMLResponse:
    """Our own `HTTPException`s carry their message; Starlette's defaults get a friendlier one."""
    message = str(exc.detail)
    if message == HTTPStatus(exc.status_code).phrase:
        message = _ADVICE.get(exc.status_code, "Something was wrong with this request. Go back to the feed.")
    response = error_page(request, exc.status_code, [message])
    response.headers.update(exc.headers or {})
    return response


async def validation_error(request: Request, exc: RequestValidationError) -> HTMLResponse:
    """Bad parameters: say which one and why, never echo what was sent."""
    errors = [error for error in exc.errors() if len(error["loc"]) > 1]
    messages = sorted({f"Parameter “{error['loc'][1]}”: {error['msg']}." for error in errors})
    return error_page(request, 400, messages or ["This request could not be understood."])


def install_error_pages(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
