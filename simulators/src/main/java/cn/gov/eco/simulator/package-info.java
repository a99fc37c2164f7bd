/**
 * Simulators of the outside systems: each one a real HTTP server on {@code com.sun.net.httpserver}, started on a
 * port (0 for an ephemeral one) by the launcher in the embedded default or by a test, with an admin endpoint to make
 * it slow, make it fail, or make it drop its callbacks. One sub-package per outside system:
 * {@code edelivery} (the electronic-delivery platform notice-service serves documents through) and
 * {@code creditplatform} (the external credit platform credit-service syncs repair results to).
 */
package cn.gov.eco.simulator;
