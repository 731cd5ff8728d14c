package org.monitorserver.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Percent-encodes raw {@code [} and {@code ]} in the request URL before JAX-RS parses it. Python's requests, which
 * the reference query client uses, sends variant names such as {@code test_x[1]} unencoded; Undertow accepts them,
 * but {@code java.net.URI} does not, and RESTEasy would answer 500. After encoding, the path parameter decodes back
 * to the same name. Async-supported, as every filter before a suspended JAX-RS response must be ({@code POST
 * /metrics/} answers after its commit).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RawBracketEncoding extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean raw = hasBracket(request.getRequestURI()) || hasBracket(request.getQueryString());
        chain.doFilter(raw ? new Encoded(request) : request, response);
    }

    private static boolean hasBracket(String text) {
        return text != null && (text.indexOf('[') >= 0 || text.indexOf(']') >= 0);
    }

    static String encode(String text) {
        return text == null ? null : text.replace("[", "%5B").replace("]", "%5D");
    }

    /** The request with its URL, URI and query string encoded. */
    private static final class Encoded extends HttpServletRequestWrapper {

        Encoded(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            return encode(super.getRequestURI());
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(encode(super.getRequestURL().toString()));
        }

        @Override
        public String getQueryString() {
            return encode(super.getQueryString());
        }
    }
}
