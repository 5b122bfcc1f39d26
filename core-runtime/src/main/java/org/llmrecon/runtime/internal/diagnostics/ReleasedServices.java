package org.llmrecon.runtime.internal.diagnostics;

import java.util.LinkedHashSet;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;

/**
 * Makes Felix forget the services a stopping plugin bundle got and released.
 * Felix 7 keeps a usage record for every service a bundle ever got, even
 * after the bundle released it and was uninstalled, and the record keeps the
 * whole uninstalled bundle (about 13 KiB) for the life of the framework:
 * every reinstall of a plugin whose components SCR configured through
 * Config Admin, or whose components referenced services, would add one. A
 * record is dropped when the bundle releases a service it got through
 * {@link ServiceObjects}, so the runtime does exactly that, with the plugin's
 * context while it is still valid, for Config Admin (which SCR consults for
 * every component) and the services the plugin's components reference.
 */
public final class ReleasedServices {
    private ReleasedServices() {
    }

    /**
     * @param bundle a plugin bundle that is stopping, while its context is still valid
     * @param scr the component runtime, or {@code null} when it is gone
     */
    public static void forget(Bundle bundle, ServiceComponentRuntime scr) {
        BundleContext context = bundle.getBundleContext();
        if (context == null) {
            return;
        }
        Set<String> services = new LinkedHashSet<>();
        services.add(ConfigurationAdmin.class.getName());
        if (scr != null) {
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundle)) {
                for (ReferenceDTO r : d.references) {
                    services.add(r.interfaceName);
                }
            }
        }
        try {
            for (String service : services) {
                ServiceReference<?>[] refs = context.getServiceReferences(service, null);
                for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                    release(context.getServiceObjects(ref));
                }
            }
        } catch (InvalidSyntaxException | IllegalStateException | IllegalArgumentException e) {
            // the bundle is gone already, or a reference names no valid class: nothing more to forget
        }
    }

    private static <S> void release(ServiceObjects<S> objects) {
        if (objects == null) {
            return;
        }
        S service = objects.getService();
        if (service != null) {
            objects.ungetService(service);
        }
    }
}
