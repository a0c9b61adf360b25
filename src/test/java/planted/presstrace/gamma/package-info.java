/** A module that declares no allowed dependency and still uses beta. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package planted.presstrace.gamma;
